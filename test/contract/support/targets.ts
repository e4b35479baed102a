// The servers the contract suite runs against, each behind its own recording proxy:
// Prism (stateless: it answers every request with the spec's example) and the fake CDP
// (stateful: it answers from what was created before). The contract suites (suites/) are
// written once, against a `ContractTarget`, and run against each, with the same assertions
// on what was sent.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject } from "vitest";
import { createOrderClient, type OrderClient, unwrap } from "../../../src/index.js";
import { FAKE_CREDENTIALS, type FakeCdp, startFakeCdp } from "../../fake-cdp/server.js";
import { TEST_CREDENTIALS } from "../../helpers.js";
import { example } from "../examples.js";
import { type RecordedRequest, type RecordingProxy, startRecordingProxy } from "./recording-proxy.js";
import { operationOf } from "./spec-operations.js";

export interface Credentials {
  clientKey: string;
  apiToken: string;
}

/**
 * What a test needs to exist before its request: created on a stateful target (through a
 * client of its own that bypasses the proxy, so only the test's requests are recorded);
 * on Prism, just refs.
 */
export interface Given {
  order(): Promise<{ orderRef: string }>;
  orderItem(): Promise<{ orderRef: string; orderItemRef: string }>;
  /** An order with its contact, and the guest the contact resolved to. */
  orderContact(): Promise<{ orderRef: string; orderContactRef: string; guestRef: string }>;
  orderConsumer(): Promise<{ orderRef: string; orderConsumerRef: string }>;
  /** An order with its data extension `ext`, made of the OrderDataExtensionRequest example. */
  orderDataExtension(): Promise<{ orderRef: string }>;
  /** An order item with its data extension `ext`, made of the OrderItemDataExtensionRequest example. */
  orderItemDataExtension(): Promise<{ orderItemRef: string }>;
}

export interface ContractTarget {
  readonly name: string;
  /** Whether answers come from what was created before (the fake) or from the spec's examples (Prism). */
  readonly stateful: boolean;
  /** The recording proxy in front of the server. */
  readonly baseUrl: string;
  readonly credentials: Credentials;
  /** A client of the server through the proxy, with the target's credentials. */
  readonly client: OrderClient;
  /** The requests the server received since the test began, as they went over the wire. */
  recorded(): RecordedRequest[];
  readonly given: Given;
  /** What the server found wrong: Prism's `sl-violations` on any exchange, and the fake's own findings. */
  problems(): string[];
  /** The fake itself, on the fake's target: its store and its own request log. */
  readonly fake: FakeCdp | undefined;
}

/** Everything a running target holds; `stop` closes what `start` opened. */
interface Running extends Omit<ContractTarget, "name" | "stateful" | "recorded"> {
  proxy: RecordingProxy;
  stop(): Promise<void>;
}

export interface TargetDefinition {
  /** Names the entry file that runs the contract suites against it: `<id>.test.ts`. */
  id: string;
  name: string;
  stateful: boolean;
  start(): Promise<Running>;
}

function clientOf(baseUrl: string, credentials: Credentials): OrderClient {
  // Strict: every answer is also checked against the spec's response schemas by the client.
  return createOrderClient({ baseUrl, ...credentials, validateResponses: "strict" });
}

/** The problems Prism reported in the `sl-violations` header of each exchange. */
function reportedViolations(recorded: readonly RecordedRequest[]): string[] {
  return recorded.flatMap((request) => {
    const header = request.response?.headers["sl-violations"];
    return header === undefined ? [] : [`${request.method} ${request.path}: sl-violations ${header}`];
  });
}

/** The guest ref at the end of a contact's `guest.href`. */
function guestRefOf(contact: { guest?: { href: string } }): string {
  const ref = contact.guest?.href.split("/").at(-1);
  if (ref === undefined) throw new Error("the contact has no guest link");
  return ref;
}

/**
 * Refs that only percent-encoding keeps in one path segment (`/`, `?`, `#`, `%`, space,
 * non-ASCII): Prism accepts any non-empty ref, so the paths sent to it show the encoding.
 */
export const AWKWARD_REFS = {
  orderRef: "order 1/ü?#%&=",
  orderItemRef: "item 1/é?#%+",
  orderContactRef: "contact 1/ø?#%;",
  orderConsumerRef: "consumer 1/ß?#%@",
} as const;

export const PRISM: TargetDefinition = {
  id: "prism",
  name: "Prism",
  stateful: false,
  async start() {
    const proxy = await startRecordingProxy(inject("prismUrl"));
    const { orderRef, orderItemRef, orderContactRef, orderConsumerRef } = AWKWARD_REFS;
    return {
      proxy,
      baseUrl: proxy.url,
      credentials: TEST_CREDENTIALS,
      client: clientOf(proxy.url, TEST_CREDENTIALS),
      fake: undefined,
      given: {
        order: async () => ({ orderRef }),
        orderItem: async () => ({ orderRef, orderItemRef }),
        orderContact: async () => ({ orderRef, orderContactRef, guestRef: guestRefOf(example("OrderContact")) }),
        orderConsumer: async () => ({ orderRef, orderConsumerRef }),
        orderDataExtension: async () => ({ orderRef }),
        orderItemDataExtension: async () => ({ orderItemRef }),
      },
      problems: () => reportedViolations(proxy.recorded()),
      stop: () => proxy.close(),
    };
  },
};

export const FAKE: TargetDefinition = {
  id: "fake",
  name: "the fake",
  stateful: true,
  async start() {
    const fake = await startFakeCdp();
    const proxy = await startRecordingProxy(fake.url);
    const setup = createOrderClient({ baseUrl: fake.url, ...FAKE_CREDENTIALS });
    const order = async () => {
      const created = await unwrap(setup.POST("/v2.1/orders", { body: example("OrderRequest") }));
      return { orderRef: created.ref };
    };
    const orderItem = async () => {
      const { orderRef } = await order();
      const item = await unwrap(
        setup.POST("/v2.1/orders/{orderRef}/orderItems", {
          params: { path: { orderRef } },
          body: example("OrderItemRequest"),
        }),
      );
      return { orderRef, orderItemRef: item.ref };
    };
    return {
      proxy,
      baseUrl: proxy.url,
      credentials: FAKE_CREDENTIALS,
      client: clientOf(proxy.url, FAKE_CREDENTIALS),
      fake,
      given: {
        order,
        orderItem,
        async orderContact() {
          const { orderRef } = await order();
          const contact = await unwrap(
            setup.POST("/v2.1/orders/{orderRef}/contacts", {
              params: { path: { orderRef } },
              body: example("OrderContactRequest"),
            }),
          );
          return { orderRef, orderContactRef: contact.ref, guestRef: guestRefOf(contact) };
        },
        async orderConsumer() {
          const { orderRef } = await order();
          const consumer = await unwrap(
            setup.POST("/v2.1/orders/{orderRef}/consumers", {
              params: { path: { orderRef } },
              body: example("OrderConsumerRequest"),
            }),
          );
          return { orderRef, orderConsumerRef: consumer.ref };
        },
        async orderDataExtension() {
          const { orderRef } = await order();
          await unwrap(
            setup.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
              params: { path: { orderRef, dataExtensionName: "ext" } },
              body: example("OrderDataExtensionRequest"),
            }),
          );
          return { orderRef };
        },
        async orderItemDataExtension() {
          const { orderItemRef } = await orderItem();
          await unwrap(
            setup.POST("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
              params: { path: { orderItemRef, dataExtensionName: "ext" } },
              body: example("OrderItemDataExtensionRequest"),
            }),
          );
          return { orderItemRef };
        },
      },
      problems: () => [...reportedViolations(proxy.recorded()), ...fake.violations],
      async stop() {
        await proxy.close();
        await fake.close();
      },
    };
  },
};

export const TARGETS: readonly TargetDefinition[] = [PRISM, FAKE];

/** A target whose server starts in `beforeAll`; until then its fields are not there to read. */
class SuiteTarget implements ContractTarget {
  private current: Running | undefined;
  /** How many of the recorded requests an `expectSent` has accounted for. */
  checkedRequests = 0;

  constructor(private readonly definition: TargetDefinition) {}

  get name() {
    return this.definition.name;
  }
  get stateful() {
    return this.definition.stateful;
  }
  private get running(): Running {
    if (!this.current) throw new Error(`${this.name} is not started: use the target within a test`);
    return this.current;
  }
  get baseUrl() {
    return this.running.baseUrl;
  }
  get credentials() {
    return this.running.credentials;
  }
  get client() {
    return this.running.client;
  }
  get given() {
    return this.running.given;
  }
  get fake() {
    return this.running.fake;
  }
  recorded() {
    return this.running.proxy.recorded();
  }
  problems() {
    return this.running.problems();
  }
  clear() {
    this.running.proxy.clear();
    this.checkedRequests = 0;
  }
  async start() {
    this.current = await this.definition.start();
  }
  async stop() {
    await this.current?.stop();
    this.current = undefined;
  }
}

/** Notes that a test asserted every request recorded so far; `expectSent` calls it. */
export function markSentChecked(target: ContractTarget): void {
  if (target instanceof SuiteTarget) target.checkedRequests = target.recorded().length;
}

export interface DescribeOptions {
  /**
   * Default true: each test's title starts with the operationId of the requests it sends,
   * and after each test it is checked that the test sent at least one request, only of
   * that operation, and asserted every request it sent with `expectSent`.
   */
  perOperation?: boolean;
}

/**
 * Declares `title` with the target's server (and its proxy) running for the whole block.
 * The record is cleared before each test; after it, the server must have found no problem.
 */
export function describeTarget(
  definition: TargetDefinition,
  title: string,
  tests: (target: ContractTarget) => void,
  { perOperation = true }: DescribeOptions = {},
): void {
  describe(title, () => {
    const target = new SuiteTarget(definition);
    beforeAll(() => target.start(), 30_000);
    afterAll(() => target.stop());
    beforeEach(() => target.clear());
    afterEach(({ task }) => {
      expect(target.problems(), `${target.name} found problems`).toEqual([]);
      if (!perOperation) return;
      const named = /^\w+/.exec(task.name)?.[0];
      const sent = target.recorded().map((r) => operationOf(r.method, r.path) ?? `${r.method} ${r.path}`);
      expect(sent.length, `"${task.name}" sent nothing to ${target.name}`).toBeGreaterThan(0);
      expect(sent.filter((operation) => operation !== named)).toEqual([]);
      expect(target.checkedRequests, `"${task.name}" did not assert every request it sent`).toBe(sent.length);
    });
    tests(target);
  });
}
