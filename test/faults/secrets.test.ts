// Credentials never surface: every error class the client throws is produced for real,
// through the client, and every way of printing it is searched for the API token, the
// base64 of "key:token" and the Authorization header value. The logger sees redacted
// headers only. A caller's abort ends a call at once, with the caller's reason as cause.
// Answers that must come too late never come within a test, so no outcome here depends on
// how fast the machine is; the bounds on how soon an abort ends a call leave it seconds.
import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  createOrderClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RequestAbortedError,
  RequestValidationError,
  ResponseParseError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
  type ClientEvent,
  type OrderClient,
  type OrderClientOptions,
} from "../../src/index.js";
import { example } from "../contract/examples.js";
import { freedPort, json, startFaultServer, type FaultServer, type ScriptStep } from "./fault-server.js";

const clientKey = `key-${randomUUID()}`;
const apiToken = `tok-${randomUUID()}`;
const basic = btoa(`${clientKey}:${apiToken}`);
const authorization = `Basic ${basic}`;
/** What must never appear in an error or a log, by name. */
const SECRETS: Record<string, string> = {
  "the API token": apiToken,
  '"key:token"': `${clientKey}:${apiToken}`,
  'the base64 of "key:token"': basic,
  "the Authorization header value": authorization,
};

const ORDER = example("Order");
const orderRef = ORDER.ref;
const ORDER_INPUT = example("OrderRequest");

/** The client's attempt timeout and deadline, unless a test gives its own. */
const TIMEOUT_MS = 5_000;
const DEADLINE_MS = 10_000;
/** An answer this late never comes within a test: the server is closed first. */
const NEVER_MS = 60_000;

type Serve = (steps: ScriptStep[]) => Promise<FaultServer>;

/** Runs `body` with a way to start scripted servers, and closes them all afterwards. */
async function withServers<T>(body: (serve: Serve) => Promise<T>): Promise<T> {
  const servers: FaultServer[] = [];
  try {
    return await body(async (steps) => {
      const server = await startFaultServer();
      servers.push(server);
      server.script(steps);
      return server;
    });
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

function clientOf(baseUrl: string, options: OrderClientOptions = {}): OrderClient {
  return createOrderClient({
    baseUrl,
    clientKey,
    apiToken,
    timeoutMs: TIMEOUT_MS,
    deadlineMs: DEADLINE_MS,
    retry: { maxRetries: 0 },
    ...options,
  });
}

const getOrder = (client: OrderClient, signal?: AbortSignal) =>
  unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, ...(signal ? { signal } : {}) }));
const createOrder = (client: OrderClient) => unwrap(client.POST("/v2.1/orders", { body: ORDER_INPUT }));

async function rejectionOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

/** Every printed form of an error, and of each error in its cause chain (at most 10 deep). */
function printedForms(error: unknown): Record<string, string> {
  const e = error as Error;
  const causes: string[] = [];
  let current: unknown = e.cause;
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    causes.push(inspect(current, { depth: 10, showHidden: true }), String(current));
    current = current !== null && typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return {
    "error.message": e.message,
    "error.stack": String(e.stack),
    "String(error)": String(error),
    "JSON.stringify(error)": JSON.stringify(error),
    "util.inspect(error)": inspect(error, { depth: 10, showHidden: true }),
    "the cause chain": causes.join("\n"),
  };
}

/** The places where a secret shows, as "<form> contains <secret>". */
function leaks(forms: Record<string, string>): string[] {
  return Object.entries(forms).flatMap(([form, text]) =>
    Object.entries(SECRETS)
      .filter(([, secret]) => text.includes(secret))
      .map(([name]) => `${form} contains ${name}`),
  );
}

beforeAll(() =>
  // The first fetch of a process loads its HTTP stack; do that before anything is timed.
  withServers(async (serve) => {
    const server = await serve([json(200, ORDER)]);
    expect(await getOrder(clientOf(server.url))).toEqual(ORDER);
  }),
);

it("finds a secret wherever it is printed (the search itself works)", () => {
  const planted = new Error("no secret here", { cause: { headers: { authorization } } });
  expect(leaks(printedForms(planted))).toEqual([
    'util.inspect(error) contains the base64 of "key:token"',
    "util.inspect(error) contains the Authorization header value",
    'the cause chain contains the base64 of "key:token"',
    "the cause chain contains the Authorization header value",
  ]);
  expect(leaks({ message: `token ${apiToken}` })).toEqual(["message contains the API token"]);
});

type ErrorClass = abstract new (...args: never[]) => Error;
interface Case {
  Class: ErrorClass;
  /** Produces the error through the client; returns it and, when a server was involved, the server. */
  produce: (serve: Serve) => Promise<{ error: unknown; server?: FaultServer }>;
}

const apiCase = (status: number, Class: ErrorClass): [string, Case] => [
  `${Class.name} from HTTP ${status}`,
  {
    Class,
    produce: async (serve) => {
      const server = await serve([
        json(
          status,
          { status, code: status, message: `fault ${status}` },
          status === 429 ? { "retry-after": "1" } : {},
        ),
      ]);
      return { error: await rejectionOf(() => getOrder(clientOf(server.url))), server };
    },
  },
];

const CASES: [string, Case][] = [
  apiCase(400, BadRequestError),
  apiCase(401, AuthenticationError),
  apiCase(403, PermissionDeniedError),
  apiCase(404, NotFoundError),
  apiCase(409, ConflictError),
  apiCase(422, UnprocessableEntityError),
  apiCase(429, RateLimitError),
  apiCase(500, InternalServerError),
  apiCase(418, ApiError),
  [
    "ConnectionError: connection refused",
    {
      Class: ConnectionError,
      produce: async () => ({
        error: await rejectionOf(async () => getOrder(clientOf(`http://127.0.0.1:${await freedPort()}`))),
      }),
    },
  ],
  [
    "ConnectionError: POST reset before the response (outcome unknown, keeps what was sent)",
    {
      Class: ConnectionError,
      produce: async (serve) => {
        const server = await serve([{ resetBeforeResponse: true }]);
        const error = await rejectionOf(() => createOrder(clientOf(server.url)));
        expect((error as ConnectionError).sent?.body).toBe(JSON.stringify(ORDER_INPUT));
        return { error, server };
      },
    },
  ],
  [
    "TimeoutError: POST past the attempt timeout (outcome unknown, keeps what was sent)",
    {
      Class: TimeoutError,
      produce: async (serve) => {
        const server = await serve([{ delayFirstByteMs: NEVER_MS, ...json(201, ORDER) }]);
        const error = await rejectionOf(() => createOrder(clientOf(server.url, { timeoutMs: 300 })));
        expect((error as TimeoutError).outcomeUnknown).toBe(true);
        return { error, server };
      },
    },
  ],
  [
    "TimeoutError: past the deadline",
    {
      Class: TimeoutError,
      produce: async (serve) => {
        const server = await serve([{ delayFirstByteMs: NEVER_MS, ...json(200, ORDER) }]);
        const error = await rejectionOf(() => getOrder(clientOf(server.url, { deadlineMs: 300 })));
        expect((error as Error).message).toMatch(/did not finish within the 300 ms deadline/);
        return { error, server };
      },
    },
  ],
  [
    "RequestAbortedError",
    {
      Class: RequestAbortedError,
      produce: async (serve) => {
        const controller = new AbortController();
        // Aborted once the server holds the request.
        const server = await serve([
          () => {
            controller.abort(new Error("the caller changed its mind"));
            return { delayFirstByteMs: NEVER_MS, ...json(200, ORDER) };
          },
        ]);
        return { error: await rejectionOf(() => getOrder(clientOf(server.url), controller.signal)), server };
      },
    },
  ],
  [
    "ResponseParseError",
    {
      Class: ResponseParseError,
      produce: async (serve) => {
        const server = await serve([
          { status: 200, headers: { "content-type": "application/json" }, body: '{"ref":"ab' },
        ]);
        return { error: await rejectionOf(() => getOrder(clientOf(server.url))), server };
      },
    },
  ],
  [
    "RedirectError",
    {
      Class: RedirectError,
      produce: async (serve) => {
        const other = await serve([]);
        const server = await serve([{ redirectTo: `${other.url}/v2.1/orders/${orderRef}` }]);
        const error = await rejectionOf(() => getOrder(clientOf(server.url)));
        expect(other.attempts).toBe(0);
        return { error, server };
      },
    },
  ],
  [
    "RequestValidationError",
    {
      Class: RequestValidationError,
      produce: async (serve) => {
        const server = await serve([]);
        const body = { ...ORDER_INPUT, price: "fifty" } as unknown as typeof ORDER_INPUT;
        const error = await rejectionOf(() => unwrap(clientOf(server.url).POST("/v2.1/orders", { body })));
        expect(server.attempts).toBe(0);
        return { error };
      },
    },
  ],
  [
    "ConfigurationError: region and baseUrl both given",
    {
      Class: ConfigurationError,
      produce: async () => ({
        error: await rejectionOf(async () =>
          createOrderClient({ region: "eu", baseUrl: "https://cdp.test", clientKey, apiToken }),
        ),
      }),
    },
  ],
  [
    "ConfigurationError: a client key with ':'",
    {
      Class: ConfigurationError,
      produce: async () => ({
        error: await rejectionOf(async () =>
          createOrderClient({ baseUrl: "https://cdp.test", clientKey: `${clientKey}:x`, apiToken }),
        ),
      }),
    },
  ],
  [
    "ConfigurationError: credentials inside a valid baseUrl",
    {
      Class: ConfigurationError,
      produce: async () => ({
        error: await rejectionOf(async () =>
          createOrderClient({ baseUrl: `https://${clientKey}:${apiToken}@cdp.test`, clientKey, apiToken }),
        ),
      }),
    },
  ],
];

describe.concurrent("no error carries the credentials", () => {
  for (const [name, { Class, produce }] of CASES) {
    it(name, async ({ expect }) => {
      await withServers(async (serve) => {
        const { error, server } = await produce(serve);
        expect(error).toBeInstanceOf(Class);
        expect((error as object).constructor).toBe(Class);
        // The credentials were really in play: every request that went out carried them.
        for (const request of server?.requests ?? []) expect(request.headers.authorization).toBe(authorization);
        expect(leaks(printedForms(error))).toEqual([]);
      });
    });
  }

  // A base URL that does not parse is quoted in the message, without its user info.
  it("ConfigurationError: credentials inside a baseUrl that does not parse", async ({ expect }) => {
    const error = await rejectionOf(async () =>
      createOrderClient({ baseUrl: `https://${clientKey}:${apiToken}@cdp test`, clientKey, apiToken }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(leaks(printedForms(error))).toEqual([]);
  });
});

describe("the logger", () => {
  it("receives request, retry and error events, with credentials redacted", () =>
    withServers(async (serve) => {
      const logged: { level: string; message: string; event: ClientEvent }[] = [];
      const logger = {
        debug: (message: string, event: ClientEvent) => logged.push({ level: "debug", message, event }),
        warn: (message: string, event: ClientEvent) => logged.push({ level: "warn", message, event }),
        error: (message: string, event: ClientEvent) => logged.push({ level: "error", message, event }),
      };
      const options = { logger, retry: { maxRetries: 2, initialDelayMs: 10, maxDelayMs: 20 } };

      const resetting = await serve([
        { resetBeforeResponse: true },
        { resetBeforeResponse: true },
        { resetBeforeResponse: true },
      ]);
      expect(await rejectionOf(() => getOrder(clientOf(resetting.url, options)))).toBeInstanceOf(ConnectionError);
      const busy = json(503, { status: 503, message: "busy" });
      const unavailable = await serve([busy, busy, busy]);
      expect(await rejectionOf(() => createOrder(clientOf(unavailable.url, options)))).toBeInstanceOf(
        InternalServerError,
      );
      const unauthorized = await serve([json(401, { status: "UNAUTHORIZED", message: "bad credentials" })]);
      expect(await rejectionOf(() => getOrder(clientOf(unauthorized.url, options)))).toBeInstanceOf(
        AuthenticationError,
      );
      for (const server of [resetting, unavailable, unauthorized]) {
        for (const request of server.requests) expect(request.headers.authorization).toBe(authorization);
      }

      const count = (type: ClientEvent["type"]) => logged.filter((entry) => entry.event.type === type).length;
      expect([count("request"), count("retry"), count("error")]).toEqual([7, 4, 1]);
      for (const { level, event } of logged) {
        expect(level).toBe(
          { request: "debug", aborted: "debug", retry: "warn", error: "error", responseDrift: "warn" }[event.type],
        );
        if (event.type === "request") {
          expect(event.headers.authorization).toBe("[redacted]");
          expect(event.headers.accept).toBe("application/json");
        }
      }
      expect(logged.find((entry) => entry.event.type === "error")?.event).toMatchObject({
        error: { name: "ConnectionError" },
      });

      const everything = JSON.stringify(logged) + inspect(logged, { depth: 10, showHidden: true });
      expect(leaks({ "the logged messages and events": everything })).toEqual([]);
    }));
});

describe("a caller's abort", () => {
  // Long enough that a call the abort did not end fails on its bounds, not on the test's time.
  const SLOW_FAILURE = { timeout: 15_000 };

  it("ends a call waiting for its answer at once, with the caller's reason as cause", SLOW_FAILURE, () =>
    withServers(async (serve) => {
      const controller = new AbortController();
      const reason = new Error("the caller changed its mind");
      let abortedAt = 0;
      // The abort comes 50 ms after the server received the request, which it never answers:
      // without the abort, only the attempt timeout would end the call.
      const server = await serve([
        () => {
          setTimeout(() => {
            abortedAt = performance.now();
            controller.abort(reason);
          }, 50);
          return { delayFirstByteMs: NEVER_MS, ...json(200, ORDER) };
        },
      ]);
      const error = await rejectionOf(() => getOrder(clientOf(server.url), controller.signal));
      const afterAbort = performance.now() - abortedAt;
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect((error as Error).constructor).toBe(RequestAbortedError);
      expect((error as Error).cause).toBe(reason);
      expect(abortedAt).toBeGreaterThan(0);
      // Over long before the attempt timeout (5 s) would have ended it, on a busy machine too.
      expect(afterAbort).toBeLessThan(TIMEOUT_MS / 2);
      expect(server.attempts).toBe(1);
      expect(server.requests[0]!.answeredAt).toBeUndefined();
    }),
  );

  it("passes on the default reason of abort() without one", () =>
    withServers(async (serve) => {
      const controller = new AbortController();
      const server = await serve([
        () => {
          controller.abort();
          return { delayFirstByteMs: NEVER_MS, ...json(200, ORDER) };
        },
      ]);
      const error = await rejectionOf(() => getOrder(clientOf(server.url), controller.signal));
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect((error as Error).cause).toBe(controller.signal.reason);
      expect((error as Error).cause).toBeInstanceOf(DOMException);
      expect(server.attempts).toBe(1);
    }));

  it("sends nothing when the signal is already aborted", () =>
    withServers(async (serve) => {
      const server = await serve([json(200, ORDER)]);
      const reason = new Error("aborted before the call");
      const error = await rejectionOf(() => getOrder(clientOf(server.url), AbortSignal.abort(reason)));
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect((error as Error).cause).toBe(reason);
      expect(server.attempts).toBe(0);
    }));

  it(
    "ends a 5 s backoff at once: aborted 50 ms into it, the call is over long before the wait would be",
    SLOW_FAILURE,
    () =>
      withServers(async (serve) => {
        const BACKOFF_MS = 5_000;
        const busy = json(503, { status: 503, message: "busy" }, { "retry-after": String(BACKOFF_MS / 1000) });
        const server = await serve([busy, busy, busy]);
        const controller = new AbortController();
        const reason = new Error("the caller changed its mind");
        const retries: ClientEvent[] = [];
        let abortedAt = 0;
        const client = clientOf(server.url, {
          retry: { maxRetries: 2, maxRetryAfterMs: BACKOFF_MS },
          logger: {
            warn: (_message, event) => {
              retries.push(event);
              setTimeout(() => {
                abortedAt = performance.now();
                controller.abort(reason);
              }, 50);
            },
          },
        });
        const started = performance.now();
        const error = await rejectionOf(() => getOrder(client, controller.signal));
        const ended = performance.now();
        expect(error).toBeInstanceOf(RequestAbortedError);
        expect((error as Error).cause).toBe(reason);
        // The abort came during the 5 s backoff the server asked for, and ended it.
        expect(retries).toMatchObject([{ type: "retry", delayMs: BACKOFF_MS, reason: "HTTP 503" }]);
        expect(server.attempts).toBe(1);
        expect(abortedAt).toBeGreaterThan(0);
        expect(ended - abortedAt).toBeLessThan(BACKOFF_MS / 2);
        expect(ended - started).toBeLessThan(BACKOFF_MS);
      }),
  );
});
