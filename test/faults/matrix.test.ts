// Fault matrix: five real order operations against a scripted server that fails in every
// way a network or a gateway can. The expectations are a table (fault × method → final
// outcome and attempts), and every cell also checks that POST and PATCH are never repeated
// after an answer that leaves open whether they took effect, that Retry-After was honoured,
// and that the call ended within its deadline. The actual outcomes are written to
// test/output/fault-matrix.md.
//
// Only the rows about time (Retry-After waits, attempt timeouts, deadlines) run on the real
// clock, a few cells at a time, with margins a busy machine stays well inside. Every other
// row runs with the client's timers faked and never advanced, so neither its attempt
// timeout nor its deadline can fire however slow the machine is, and with a `sleep` that
// records each backoff wait instead of waiting.
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi, type ExpectStatic } from "vitest";
import {
  ApiError,
  ConnectionError,
  createOrderClient,
  InternalServerError,
  RateLimitError,
  RedirectError,
  ResponseParseError,
  TimeoutError,
  TransportError,
  unwrap,
  type ClientEvent,
  type OrderClient,
} from "../../src/index.js";
import { example } from "../contract/examples.js";
import {
  codesOf,
  freedPort,
  json,
  startFaultServer,
  type Answer,
  type FaultServer,
  type RecordedRequest,
  type ScriptStep,
  type Step,
} from "./fault-server.js";

// Small enough to keep the run short, large enough for a busy machine to answer in time.
const TIMEOUT_MS = 1_000;
const DEADLINE_MS = 5_000;
const RETRY = { initialDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 1_500 };
/** Scheduling slack allowed past the deadline (the machine may be busy). */
const DEADLINE_MARGIN_MS = 300;
/** A deadline that leaves a second attempt less than a full attempt timeout. */
const SHORT_DEADLINE_MS = 1_700;
/** Cells about time that run at once: each mostly waits, so a few leave the machine idle. */
const TIMED_CONCURRENCY = 5;
/** Steps scripted per cell: one more than the most attempts any cell may make. */
const SCRIPTED = 4;
const CREDENTIALS = { clientKey: "matrix-client-key", apiToken: "matrix-api-token" };

// ---------------------------------------------------------------------------------------
// The five operations, with valid bodies.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
const NOT_IDEMPOTENT = new Set<Method>(["POST", "PATCH"]);

const ORDER = example("Order");
const orderRef = ORDER.ref;
const ORDER_INPUT = example("OrderRequest");
const ORDER_PATCH = example("OrderPatchRequest");

const CALLS: Record<Method, (client: OrderClient) => Promise<unknown>> = {
  GET: (client) => unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })),
  POST: (client) => unwrap(client.POST("/v2.1/orders", { body: ORDER_INPUT })),
  PUT: (client) => unwrap(client.PUT("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, body: ORDER_INPUT })),
  PATCH: (client) =>
    unwrap(client.PATCH("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, body: ORDER_PATCH })),
  DELETE: (client) => unwrap(client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })),
};

/** The request body each method sends, as JSON text (openapi-fetch serialises with JSON.stringify). */
const SENT_BODY: Record<Method, string> = {
  GET: "",
  POST: JSON.stringify(ORDER_INPUT),
  PUT: JSON.stringify(ORDER_INPUT),
  PATCH: JSON.stringify(ORDER_PATCH),
  DELETE: "",
};

const PATHS: Record<Method, string> = {
  GET: `/v2.1/orders/${orderRef}`,
  POST: "/v2.1/orders",
  PUT: `/v2.1/orders/${orderRef}`,
  PATCH: `/v2.1/orders/${orderRef}`,
  DELETE: `/v2.1/orders/${orderRef}`,
};

const SUCCESS: Record<Method, Answer> = {
  GET: json(200, ORDER),
  POST: json(201, ORDER),
  PUT: json(200, ORDER),
  PATCH: json(200, ORDER),
  DELETE: { status: 204 },
};

const SUCCESS_DATA: Record<Method, unknown> = { GET: ORDER, POST: ORDER, PUT: ORDER, PATCH: ORDER, DELETE: undefined };

// ---------------------------------------------------------------------------------------
// The faults.

const times = (step: ScriptStep, n = SCRIPTED): ScriptStep[] => Array.from({ length: n }, () => step);
const cdpError = (status: number, headers: Record<string, string> = {}) =>
  json(status, { status, code: status, message: `fault ${status}` }, headers);
const HTML = "<!DOCTYPE html><html><head><title>Bad gateway</title></head><body><h1>Bad gateway</h1></body></html>";
const TRUNCATED = JSON.stringify(ORDER).slice(0, 40);

/**
 * A Retry-After date on a whole second 0.4–1.4 s ahead: HTTP dates have whole seconds, so
 * an exact second keeps the wait predictable, and two such waits stay well inside the
 * deadline (after the first wait the clock sits just past a second, so the second wait is
 * about 1 s), while each stays below maxRetryAfterMs.
 */
function retryAfterDate(now = Date.now()): string {
  return new Date(Math.ceil((now + 400) / 1000) * 1000).toUTCString();
}

// ---------------------------------------------------------------------------------------
// The expectation table.

type ErrorClass = abstract new (...args: never[]) => Error;
interface Cell {
  outcome: "data" | ErrorClass;
  /** Attempts the client makes; the server sees as many (none when refused). */
  attempts: number;
  /** For transport errors: the server may have processed the request. */
  outcomeUnknown?: true;
}
const c = (outcome: Cell["outcome"], attempts: number, flags: { outcomeUnknown?: true } = {}): Cell => ({
  outcome,
  attempts,
  ...flags,
});
const UNKNOWN = { outcomeUnknown: true } as const;
const DATA = "data" as const;

interface CellResult {
  method: Method;
  data: unknown;
  error: unknown;
  failed: boolean;
  elapsedMs: number;
  events: ClientEvent[];
  /** The backoff waits the client asked its `sleep` for; undefined on the real clock (its own sleep). */
  waits: number[] | undefined;
  baseUrl: string;
  /** What the fault server saw; empty when nothing listened. */
  served: readonly RecordedRequest[];
  serverAttempts: number;
  other: { url: string; attempts: number } | undefined;
}

interface Row {
  fault: string;
  /** The script for one call; absent: nothing listens (connection refused). */
  steps?: (method: Method, servers: { self: FaultServer; other: FaultServer | undefined }) => ScriptStep[];
  /** Start a second server, a different origin (another port). */
  otherOrigin?: true;
  /** Requests the server sees per attempt (a followed redirect adds one). */
  requestsPerAttempt?: number;
  /** A deadline other than DEADLINE_MS. */
  deadlineMs?: number;
  /**
   * The outcome depends on time passing (a Retry-After waited out, an attempt timeout, a
   * deadline): the cells run on the real clock with the client's own sleep.
   */
  timing?: true;
  /** GET, POST, PUT, PATCH, DELETE. */
  cells: readonly [Cell, Cell, Cell, Cell, Cell];
  /** Checks specific to the fault. */
  check?: (result: CellResult, expect: ExpectStatic) => void;
}

const LATE_MS = 2_500;
const late = (method: Method): Step => ({ delayFirstByteMs: LATE_MS, ...SUCCESS[method] });

const isTransportError = (error: unknown): error is TransportError => error instanceof TransportError;

/** Every attempt after the first came only after the time its predecessor's Retry-After named. */
function retryAfterPairs(served: readonly RecordedRequest[]): { notBefore: number; arrived: number }[] {
  const pairs: { notBefore: number; arrived: number }[] = [];
  for (let i = 1; i < served.length; i++) {
    const previous = served[i - 1]!;
    const value = previous.answerHeaders?.["retry-after"];
    if (value === undefined || previous.answeredAt === undefined) continue;
    const notBefore = /^\d+$/.test(value) ? previous.answeredAt + Number(value) * 1000 : Date.parse(value);
    pairs.push({ notBefore, arrived: served[i]!.receivedAt });
  }
  return pairs;
}

const expectRetryAfterHonoured = (result: CellResult, expect: ExpectStatic) => {
  const pairs = retryAfterPairs(result.served);
  expect(pairs).toHaveLength(result.served.length - 1);
  expect(pairs.length).toBeGreaterThan(0);
  // Timers may fire up to a millisecond early.
  for (const { notBefore, arrived } of pairs) expect(arrived).toBeGreaterThanOrEqual(notBefore - 2);
};

const expectParseErrorOf =
  (body: string, contentType: string | null, reason: RegExp) => (result: CellResult, expect: ExpectStatic) => {
    const error = result.error as ResponseParseError;
    expect(error.message).toMatch(reason);
    expect(error.status).toBe(200);
    expect(error.contentType).toBe(contentType);
    expect(error.bodyStart).toBe(body.slice(0, 200));
  };

//                    GET                        POST                            PUT                        PATCH                           DELETE
const ROWS: Row[] = [
  {
    fault: "connection refused",
    cells: [
      c(ConnectionError, 3),
      c(ConnectionError, 3),
      c(ConnectionError, 3),
      c(ConnectionError, 3),
      c(ConnectionError, 3),
    ],
    check: (result, expect) => expect(codesOf(result.error)).toContain("ECONNREFUSED"),
  },
  {
    fault: "no fault (control)",
    steps: (method) => times(SUCCESS[method]),
    cells: [c(DATA, 1), c(DATA, 1), c(DATA, 1), c(DATA, 1), c(DATA, 1)],
  },
  {
    fault: "reset before the response",
    steps: () => times({ resetBeforeResponse: true }),
    cells: [
      c(ConnectionError, 3),
      c(ConnectionError, 1, UNKNOWN),
      c(ConnectionError, 3),
      c(ConnectionError, 1, UNKNOWN),
      c(ConnectionError, 3),
    ],
  },
  {
    fault: "reset mid-body (200)",
    steps: () => times({ resetMidBody: true, status: 200, partialBody: TRUNCATED }),
    cells: [
      c(ConnectionError, 3),
      c(ConnectionError, 1, UNKNOWN),
      c(ConnectionError, 3),
      c(ConnectionError, 1, UNKNOWN),
      c(ConnectionError, 3),
    ],
  },
  {
    fault: "500",
    steps: () => times(cdpError(500)),
    cells: [
      c(InternalServerError, 3),
      c(InternalServerError, 1),
      c(InternalServerError, 3),
      c(InternalServerError, 1),
      c(InternalServerError, 3),
    ],
  },
  {
    fault: "502",
    steps: () => times(cdpError(502)),
    cells: [
      c(InternalServerError, 3),
      c(InternalServerError, 1),
      c(InternalServerError, 3),
      c(InternalServerError, 1),
      c(InternalServerError, 3),
    ],
  },
  {
    fault: "503",
    steps: () => times(cdpError(503)),
    cells: [
      c(InternalServerError, 3),
      c(InternalServerError, 3),
      c(InternalServerError, 3),
      c(InternalServerError, 3),
      c(InternalServerError, 3),
    ],
  },
  {
    fault: "504",
    steps: () => times(cdpError(504)),
    cells: [
      c(InternalServerError, 3),
      c(InternalServerError, 1),
      c(InternalServerError, 3),
      c(InternalServerError, 1),
      c(InternalServerError, 3),
    ],
  },
  {
    fault: "408",
    steps: () => times(cdpError(408)),
    cells: [c(ApiError, 3), c(ApiError, 1), c(ApiError, 3), c(ApiError, 1), c(ApiError, 3)],
  },
  {
    fault: "429, Retry-After: 1 (seconds)",
    timing: true,
    steps: () => times(cdpError(429, { "retry-after": "1" })),
    cells: [
      c(RateLimitError, 3),
      c(RateLimitError, 3),
      c(RateLimitError, 3),
      c(RateLimitError, 3),
      c(RateLimitError, 3),
    ],
    check: expectRetryAfterHonoured,
  },
  {
    fault: "429, Retry-After: HTTP-date ~1 s ahead",
    timing: true,
    steps: () => times(() => cdpError(429, { "retry-after": retryAfterDate() })),
    cells: [
      c(RateLimitError, 3),
      c(RateLimitError, 3),
      c(RateLimitError, 3),
      c(RateLimitError, 3),
      c(RateLimitError, 3),
    ],
    check: expectRetryAfterHonoured,
  },
  {
    // 2 s is past the 1.5 s cap but well within the deadline, so only the cap ends the call.
    fault: "429, Retry-After: 2 (beyond the 1.5 s cap)",
    steps: () => times(cdpError(429, { "retry-after": "2" })),
    cells: [
      c(RateLimitError, 1),
      c(RateLimitError, 1),
      c(RateLimitError, 1),
      c(RateLimitError, 1),
      c(RateLimitError, 1),
    ],
    check: (result, expect) => {
      // Gave up instead of waiting 2 s, and the error still carries the server's advice.
      expect(result.waits).toEqual([]);
      expect(result.elapsedMs).toBeLessThan(1_500);
      expect((result.error as RateLimitError).headers["retry-after"]).toBe("2");
    },
  },
  {
    fault: `first byte after ${LATE_MS} ms (attempt timeout ${TIMEOUT_MS} ms)`,
    timing: true,
    steps: (method) => times(late(method)),
    cells: [
      c(TimeoutError, 3),
      c(TimeoutError, 1, UNKNOWN),
      c(TimeoutError, 3),
      c(TimeoutError, 1, UNKNOWN),
      c(TimeoutError, 3),
    ],
    check: (result, expect) => {
      const error = result.error as TimeoutError;
      expect(error.message).toMatch(
        new RegExp(`within the ${TIMEOUT_MS} ms attempt timeout after ${error.attempts} attempt`),
      );
      expect(result.elapsedMs).toBeGreaterThanOrEqual(error.attempts * TIMEOUT_MS - 5);
    },
  },
  {
    fault: "truncated JSON (200)",
    steps: () => times({ status: 200, headers: { "content-type": "application/json" }, body: TRUNCATED }),
    cells: [
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
    ],
    check: (result, expect) => {
      expectParseErrorOf(TRUNCATED, "application/json", /not valid JSON/)(result, expect);
      expect((result.error as Error).cause).toBeInstanceOf(SyntaxError);
    },
  },
  {
    fault: "HTML page (200)",
    steps: () => times({ status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: HTML }),
    cells: [
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
    ],
    check: expectParseErrorOf(HTML, "text/html; charset=utf-8", /text\/html where JSON was expected/),
  },
  {
    fault: "HTML page (502)",
    steps: () => times({ status: 502, headers: { "content-type": "text/html; charset=utf-8" }, body: HTML }),
    cells: [
      c(InternalServerError, 3),
      c(InternalServerError, 1),
      c(InternalServerError, 3),
      c(InternalServerError, 1),
      c(InternalServerError, 3),
    ],
    check: (result, expect) => {
      const error = result.error as InternalServerError;
      expect(error.status).toBe(502);
      expect(error.body).toBeUndefined();
    },
  },
  {
    fault: "redirect (307) to another origin",
    otherOrigin: true,
    steps: (method, { other }) => times({ redirectTo: `${other!.url}${PATHS[method]}` }),
    cells: [c(RedirectError, 1), c(RedirectError, 1), c(RedirectError, 1), c(RedirectError, 1), c(RedirectError, 1)],
    check: (result, expect) => {
      // The other origin never saw the request, so it never saw the credentials.
      expect(result.other?.attempts).toBe(0);
      expect((result.error as RedirectError).location).toBe(`${result.other!.url}${PATHS[result.method]}`);
    },
  },
  // A delete answers with no body; only its status counts.
  {
    fault: "empty body (200)",
    steps: () => times({ status: 200, headers: { "content-type": "application/json" } }),
    cells: [
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
      c(ResponseParseError, 1),
      c(DATA, 1),
    ],
    check: (result, expect) => {
      if (result.method === "DELETE") expect(result.data).toBeUndefined();
      else expectParseErrorOf("", "application/json", /an empty body where JSON was expected/)(result, expect);
    },
  },
  // The deadline ends the call: mid-attempt, or before a wait it would cut short.
  {
    fault: `deadline ${SHORT_DEADLINE_MS} ms; first byte after ${LATE_MS} ms (attempt timeout ${TIMEOUT_MS} ms)`,
    deadlineMs: SHORT_DEADLINE_MS,
    timing: true,
    steps: (method) => times(late(method)),
    cells: [
      c(TimeoutError, 2),
      c(TimeoutError, 1, UNKNOWN),
      c(TimeoutError, 2),
      c(TimeoutError, 1, UNKNOWN),
      c(TimeoutError, 2),
    ],
    check: (result, expect) => {
      const error = result.error as TimeoutError;
      if (error.attempts === 2) {
        // The second attempt got only what was left of the deadline.
        expect(error.message).toMatch(
          new RegExp(`did not finish within the ${SHORT_DEADLINE_MS} ms deadline after 2 attempts`),
        );
        expect(result.elapsedMs).toBeGreaterThanOrEqual(SHORT_DEADLINE_MS - 5);
      } else {
        expect(error.message).toMatch(new RegExp(`within the ${TIMEOUT_MS} ms attempt timeout after 1 attempt`));
      }
    },
  },
  {
    fault: "deadline 1.8 s; 429, Retry-After: 1",
    deadlineMs: 1_800,
    timing: true,
    steps: () => times(cdpError(429, { "retry-after": "1" })),
    cells: [
      c(RateLimitError, 2),
      c(RateLimitError, 2),
      c(RateLimitError, 2),
      c(RateLimitError, 2),
      c(RateLimitError, 2),
    ],
    check: (result, expect) => {
      // A second 1 s wait would pass the deadline, so the call ended on the second answer
      // instead of waiting (the deadline check in verify() bounds the time).
      expectRetryAfterHonoured(result, expect);
    },
  },
  // Recovery: one failure, then the operation's success answer.
  {
    fault: "503 once, then success",
    steps: (method) => [cdpError(503), ...times(SUCCESS[method], SCRIPTED - 1)],
    cells: [c(DATA, 2), c(DATA, 2), c(DATA, 2), c(DATA, 2), c(DATA, 2)],
  },
  {
    fault: "reset once, then success",
    steps: (method) => [{ resetBeforeResponse: true }, ...times(SUCCESS[method], SCRIPTED - 1)],
    cells: [c(DATA, 2), c(ConnectionError, 1, UNKNOWN), c(DATA, 2), c(ConnectionError, 1, UNKNOWN), c(DATA, 2)],
  },
  {
    fault: "redirect (307) within the origin, then success",
    steps: (method, { self }) => [
      { redirectTo: `${self.url}${PATHS[method]}?moved=1` },
      ...times(SUCCESS[method], SCRIPTED - 1),
    ],
    requestsPerAttempt: 2,
    cells: [c(DATA, 1), c(DATA, 1), c(DATA, 1), c(DATA, 1), c(DATA, 1)],
    check: (result, expect) => expect(result.served[1]?.url).toBe(`${PATHS[result.method]}?moved=1`),
  },
];

// ---------------------------------------------------------------------------------------
// Running one cell.

/** A backoff wait that is over at once, unless the call was aborted; `waits` gets its length. */
function recordedSleep(waits: number[]): (ms: number, signal: AbortSignal) => Promise<void> {
  return (ms, signal) => {
    waits.push(ms);
    return signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  };
}

/** Runs at most `concurrency` of the functions passed to it at a time, in the order given. */
function inTurns(concurrency: number): <T>(run: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (run) => {
    if (running >= concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    running++;
    try {
      return await run();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}
const timedTurn = inTurns(TIMED_CONCURRENCY);

/** `global`: the client's own fetch path; `custom`: the same faults through a `fetch` option. */
type FetchPath = "global" | "custom";

async function runCell(row: Row, method: Method, fetchPath: FetchPath): Promise<CellResult> {
  const self = row.steps ? await startFaultServer() : undefined;
  const other = row.otherOrigin ? await startFaultServer() : undefined;
  try {
    const baseUrl = self ? self.url : `http://127.0.0.1:${await freedPort()}`;
    if (self && row.steps) self.script(row.steps(method, { self, other }));
    other?.script([]);
    const events: ClientEvent[] = [];
    const collect = (_message: string, event: ClientEvent) => events.push(event);
    const waits = row.timing ? undefined : ([] as number[]);
    const client = createOrderClient({
      baseUrl,
      ...CREDENTIALS,
      timeoutMs: TIMEOUT_MS,
      deadlineMs: row.deadlineMs ?? DEADLINE_MS,
      retry: RETRY,
      logger: { debug: collect, warn: collect, error: collect },
      ...(waits ? { sleep: recordedSleep(waits) } : {}),
      ...(fetchPath === "custom" ? { fetch: (request: Request) => globalThis.fetch(request) } : {}),
    });
    const started = performance.now();
    let data: unknown;
    let error: unknown;
    let failed = false;
    try {
      data = await CALLS[method](client);
    } catch (caught) {
      error = caught;
      failed = true;
    }
    const elapsedMs = performance.now() - started;
    return {
      method,
      data,
      error,
      failed,
      elapsedMs,
      events,
      waits,
      baseUrl,
      served: self ? [...self.requests] : [],
      serverAttempts: self?.attempts ?? 0,
      other: other ? { url: other.url, attempts: other.attempts } : undefined,
    };
  } finally {
    await Promise.all([self?.close(), other?.close()]);
  }
}

function verify(row: Row, method: Method, result: CellResult, expect: ExpectStatic): void {
  const cell = row.cells[METHODS.indexOf(method)]!;
  const clientAttempts = result.events.filter((e) => e.type === "request").length;

  // The final outcome.
  if (cell.outcome === DATA) {
    expect(result.error).toBeUndefined();
    expect(result.failed).toBe(false);
    expect(result.data).toEqual(SUCCESS_DATA[method]);
  } else {
    expect(result.failed).toBe(true);
    expect(result.error).toBeInstanceOf(cell.outcome);
    expect((result.error as object).constructor).toBe(cell.outcome);
  }

  // Attempts, as the client reported them and as the server saw them.
  expect(clientAttempts).toBe(cell.attempts);
  const retries = result.events.filter((e): e is Extract<ClientEvent, { type: "retry" }> => e.type === "retry");
  expect(retries).toHaveLength(cell.attempts - 1);

  // Off the real clock, each backoff went through the client's sleep, as long as the retry
  // event said, and within the backoff's bounds: the step doubles from initialDelayMs up to
  // maxDelayMs, and the jitter keeps half to all of it.
  if (result.waits !== undefined) {
    expect(result.waits).toEqual(retries.map((event) => event.delayMs));
    result.waits.forEach((ms, i) => {
      const step = Math.min(RETRY.maxDelayMs, RETRY.initialDelayMs * 2 ** i);
      expect(ms).toBeGreaterThanOrEqual(step / 2);
      expect(ms).toBeLessThanOrEqual(step);
    });
  }
  const expectedServed = row.steps ? cell.attempts * (row.requestsPerAttempt ?? 1) : 0;
  expect(result.serverAttempts).toBe(expectedServed);
  expect(result.served).toHaveLength(expectedServed);

  // Every request the server saw was this operation, with credentials and the same body.
  for (const request of result.served) {
    expect(request.method).toBe(method);
    expect(request.url.split("?")[0]).toBe(PATHS[method]);
    expect(request.headers.authorization).toMatch(/^Basic /);
    expect(request.body).toBe(SENT_BODY[method]);
  }

  // Transport errors: attempts, and whether the server may have processed the request.
  if (isTransportError(result.error)) {
    expect(result.error.attempts).toBe(cell.attempts);
    expect(result.error.outcomeUnknown).toBe(cell.outcomeUnknown === true);
    if (cell.outcomeUnknown) {
      expect(result.error.sent?.body).toBe(SENT_BODY[method]);
      expect(result.error.sent?.method).toBe(method);
      expect(result.error.sent?.url).toBe(`${result.baseUrl}${PATHS[method]}`);
      expect(result.served.at(-1)?.body).toBe(result.error.sent?.body);
    } else {
      expect(result.error.sent).toBeUndefined();
    }
  } else {
    expect(cell.outcomeUnknown).toBeUndefined();
  }

  // POST and PATCH are repeated only after an answer proving they were not processed.
  if (NOT_IDEMPOTENT.has(method)) {
    for (const request of result.served.slice(0, -1)) {
      const provablyNotProcessed =
        request.action === "redirect" ||
        (request.action === "answer" &&
          (request.status === 429 || request.status === 503) &&
          (request.delayFirstByteMs ?? 0) < TIMEOUT_MS);
      expect(provablyNotProcessed, `${method} repeated after ${request.action} ${request.status ?? ""}`).toBe(true);
    }
  }

  // Any Retry-After given was waited out.
  for (const { notBefore, arrived } of retryAfterPairs(result.served))
    expect(arrived).toBeGreaterThanOrEqual(notBefore - 2);

  // The whole call stayed within its deadline.
  expect(result.elapsedMs).toBeLessThanOrEqual((row.deadlineMs ?? DEADLINE_MS) + DEADLINE_MARGIN_MS);

  row.check?.(result, expect);
}

// ---------------------------------------------------------------------------------------
// The cases, and the printed table of actual outcomes.

const unhandled: unknown[] = [];
const onUnhandledRejection = (reason: unknown) => {
  unhandled.push(reason);
};
beforeAll(async () => {
  process.on("unhandledRejection", onUnhandledRejection);
  // The first fetch of a process loads its HTTP stack; do that before any cell is timed.
  const server = await startFaultServer();
  try {
    server.script([SUCCESS.GET]);
    const client = createOrderClient({ baseUrl: server.url, ...CREDENTIALS });
    expect(await CALLS.GET(client)).toEqual(ORDER);
  } finally {
    await server.close();
  }
});

const actual = new Map<string, string>();
const key = (row: Row, method: Method) => `${row.fault}\u0000${method}`;

function describeResult(result: CellResult): string {
  const attempts = result.events.filter((e) => e.type === "request").length;
  const name = result.failed ? (result.error as object).constructor.name : "data";
  const unknown = isTransportError(result.error) && result.error.outcomeUnknown ? ", outcome unknown" : "";
  return `${name} (${attempts} attempt${attempts === 1 ? "" : "s"}${unknown})`;
}

function defineRow(row: Row, fetchPath: FetchPath = "global"): void {
  describe(fetchPath === "custom" ? `${row.fault}, through a fetch option` : row.fault, () => {
    for (const method of METHODS) {
      // A cell about time may first wait for its turn.
      it(method, { timeout: row.timing ? 60_000 : 10_000 }, async ({ expect }) => {
        // The faults not about time run on the fake clock (see below).
        expect(vi.isFakeTimers()).toBe(!row.timing);
        const run = () => runCell(row, method, fetchPath);
        const result = await (row.timing ? timedTurn(run) : run());
        if (fetchPath === "global") actual.set(key(row, method), describeResult(result));
        verify(row, method, result, expect);
      });
    }
  });
}

// The transport sends through the global fetch with a URL and init, or builds a Request
// for a `fetch` option: the faults that depend on signals and redirects, the second way.
const THROUGH_CUSTOM_FETCH = new Set([
  "reset before the response",
  `first byte after ${LATE_MS} ms (attempt timeout ${TIMEOUT_MS} ms)`,
  "503",
  "redirect (307) to another origin",
  "redirect (307) within the origin, then success",
]);
const CUSTOM_ROWS = ROWS.filter((row) => THROUGH_CUSTOM_FETCH.has(row.fault));
it("runs through a fetch option every row it names", () => expect(CUSTOM_ROWS).toHaveLength(THROUGH_CUSTOM_FETCH.size));

const [REFUSED, ...OTHER_ROWS] = ROWS;
const untimed = (row: Row) => row.timing === undefined;
const timed = (row: Row) => row.timing === true;

// The faults that are not about time, on a clock that stands still: the client's
// setTimeout and clearTimeout are fakes that nothing advances (the fault server keeps the
// real ones), so no attempt timeout or deadline fires, whatever the machine's load.
describe("fault matrix", () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  // Connection refused runs first and alone (a suite that is not concurrent, ahead of
  // those that are): its port was just freed, and the other cells bind new ports, one of
  // which could otherwise be that one.
  defineRow(REFUSED!);

  describe.concurrent("other faults", () => {
    for (const row of OTHER_ROWS.filter(untimed)) defineRow(row);
    for (const row of CUSTOM_ROWS.filter(untimed)) defineRow(row, "custom");
  });
});

// The faults about time, on the real clock, at most TIMED_CONCURRENCY cells at a time.
describe.concurrent("fault matrix: time", () => {
  for (const row of OTHER_ROWS.filter(timed)) defineRow(row);
  for (const row of CUSTOM_ROWS.filter(timed)) defineRow(row, "custom");
});

it("saw no unhandled promise rejection", async () => {
  // Let stray rejections of the last cells surface.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(unhandled).toEqual([]);
});

afterAll(() => {
  process.off("unhandledRejection", onUnhandledRejection);
  const lines = [
    `| fault | ${METHODS.join(" | ")} |`,
    `| --- | ${METHODS.map(() => "---").join(" | ")} |`,
    ...ROWS.map((row) => `| ${row.fault} | ${METHODS.map((m) => actual.get(key(row, m)) ?? "not run").join(" | ")} |`),
  ];
  const table = [
    `Fault matrix: timeoutMs ${TIMEOUT_MS}, deadlineMs ${DEADLINE_MS}, retry ${JSON.stringify(RETRY)} (maxRetries 2).`,
    "Attempts as the client made them (the server saw as many, except: none when refused, two per attempt for the followed redirect).",
    "Outcome unknown: a POST or PATCH that may have been processed; the error carries `sent` and it was not repeated.",
    "",
    ...lines,
    "",
  ].join("\n");
  mkdirSync(new URL("../output/", import.meta.url), { recursive: true });
  writeFileSync(new URL("../output/fault-matrix.md", import.meta.url), table);
  console.log(table);
});
