// The fake Order REST API v2.1 on 127.0.0.1 (node:http, keep-alive), for tests that need a
// socket: the command's process tests and the import benchmark. A thin adapter over the
// in-memory fake of `sitecore-cdp-orders/testing` (src/testing), which checks every request
// and answer against the spec and holds the state. The adapter adds what only a server has:
// a log of the requests received, connection resets, server-wide latency, and fault plans
// decided per request (./faults.ts). A request that breaks the spec, or an answer of the
// fake's that does (then answered 500), is recorded in `violations`, so a test that ends
// with violations fails.
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { errorBody, FakeCdpBugError } from "../../src/testing/answers.js";
import { createFakeCdpCore } from "../../src/testing/fake.js";
import type { CallFaults } from "../../src/testing/faults.js";
import { matchOperation } from "../../src/testing/operations.js";
import type { FakeStore } from "../../src/testing/store.js";
import type { Fault, FaultPlan } from "./faults.js";

export type { FakeStore };

export const FAKE_CREDENTIALS = { clientKey: "fake-client-key", apiToken: "fake-api-token-5ecret" } as const;

export interface FakeCdpOptions {
  /** Time before every answer (and every injected reset). */
  latencyMs?: number;
  faults?: FaultPlan;
  /** Default: a free port. */
  port?: number;
}

export interface ReceivedRequest {
  index: number;
  method: string;
  /** `METHOD /path/template`, or undefined for a path the spec does not have. */
  operation: string | undefined;
  url: string;
  receivedAt: number;
  /** The status sent, or the injected reset. */
  outcome?: number | "reset-before" | "reset-after";
  /** When the answer (or the reset) went out. */
  answeredAt?: number;
}

export interface FakeCdp {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly store: FakeStore;
  /** Every request received, in arrival order. */
  readonly requests: readonly ReceivedRequest[];
  /** Requests and answers that broke the spec; empty in a healthy run. */
  readonly violations: readonly string[];
  setFaults(plan: FaultPlan | undefined): void;
  setLatency(ms: number): void;
  /** Makes every list answer links, `expand=true` or not. */
  setIgnoreExpand(ignore: boolean): void;
  close(): Promise<void>;
}

/** A plan's fault as the in-memory fake takes it; `delay` is waited for here. */
function callFaults(fault: Fault | undefined): CallFaults {
  switch (fault?.kind) {
    case "reset-before":
      return { latencyMs: 0, fault: { kind: "connection-failure" } };
    case "reset-after":
      return { latencyMs: 0, fault: { kind: "dropped-after-processing" } };
    case "status": {
      const { status, retryAfter, afterEffect } = fault;
      return {
        latencyMs: 0,
        fault: {
          kind: "status",
          status,
          ...(retryAfter === undefined ? {} : { retryAfter }),
          ...(afterEffect === undefined ? {} : { processed: afterEffect }),
        },
      };
    }
    default:
      return { latencyMs: 0 };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  return headers;
}

export async function startFakeCdp(options: FakeCdpOptions = {}): Promise<FakeCdp> {
  const requests: ReceivedRequest[] = [];
  const violations: string[] = [];
  const receivedAs = new WeakMap<Request, ReceivedRequest>();
  // Every create makes a new order, so a test sees a duplicate create.
  const core = createFakeCdpCore(
    { ...FAKE_CREDENTIALS, duplicateOrders: "keep" },
    {
      badRequest(request, why) {
        const received = receivedAs.get(request);
        violations.push(`request ${received?.method} ${received?.url}: ${why}`);
      },
    },
  );
  let faults = options.faults;
  let latencyMs = options.latencyMs ?? 0;
  let origin = "";
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number) =>
    ms <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, ms);
          timers.add(timer);
        });

  const answered = (received: ReceivedRequest, outcome: NonNullable<ReceivedRequest["outcome"]>) => {
    received.outcome = outcome;
    received.answeredAt = Date.now();
  };

  async function answerOf(request: IncomingMessage, received: ReceivedRequest, text: string, fault: Fault | undefined) {
    const url = new URL(request.url ?? "/", origin);
    const init: RequestInit = { method: received.method, headers: headersOf(request) };
    if (text !== "" && received.method !== "GET" && received.method !== "HEAD") init.body = text;
    const forwarded = new Request(url, init);
    receivedAs.set(forwarded, received);
    try {
      return await core.handle(forwarded, callFaults(fault));
    } catch (error) {
      if (fault?.kind === "reset-before" || fault?.kind === "reset-after") {
        answered(received, fault.kind);
        request.socket.destroy();
        return undefined;
      }
      if (!(error instanceof FakeCdpBugError)) throw error;
      violations.push(`response to ${received.method} ${received.url}: ${error.message}`);
      return Response.json(errorBody(500, `The fake's answer broke the spec: ${error.message}`), { status: 500 });
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", origin);
    const method = request.method ?? "GET";
    const operation = matchOperation(method, url.pathname)?.key;
    const received: ReceivedRequest = {
      index: requests.length + 1,
      method,
      operation,
      url: `${url.pathname}${url.search}`,
      receivedAt: Date.now(),
    };
    requests.push(received);
    const text = await readBody(request);
    const fault = operation && faults?.({ index: received.index, operation, method, url: received.url });
    await wait(latencyMs + (fault?.kind === "delay" ? fault.ms : 0));
    const sent = await answerOf(request, received, text, fault || undefined);
    if (sent === undefined) return;
    answered(received, sent.status);
    if (response.destroyed) return;
    const body = await sent.text();
    response.writeHead(sent.status, Object.fromEntries(sent.headers));
    response.end(body === "" ? undefined : body);
  }

  const server = createServer({ keepAlive: true }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      violations.push(`the fake failed on ${request.method} ${request.url}: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify(errorBody(500, "The fake failed.")));
    });
  });
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    store: core.state,
    requests,
    violations,
    setFaults: (plan) => {
      faults = plan;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setIgnoreExpand: (ignore) => {
      core.settings.ignoreExpand = ignore;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
