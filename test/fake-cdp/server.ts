// A stateful fake of the Order REST API v2.1 on 127.0.0.1 (node:http, keep-alive, Basic
// auth). Every request is checked against the spec with the client's own validators before
// it takes effect, and every answer against the spec's response schemas before it is sent:
// an answer that breaks the spec becomes a 500 and is recorded in `violations`, so a test
// that ends with violations fails. Faults come from a replaceable plan.
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basicAuthorization } from "../../src/auth.js";
import type { Fault, FaultPlan } from "./faults.js";
import { Problem, ROUTES, type RouteAnswer } from "./routes.js";
import {
  loadSpecOperations,
  requestViolations,
  responseProblem,
  typedQuery,
  type SpecOperation,
} from "./spec-checks.js";
import { FakeStore } from "./store.js";

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

let operations: SpecOperation[] | undefined;

function route(method: string, path: string): { operation: SpecOperation; params: Record<string, string> } | undefined {
  operations ??= loadSpecOperations();
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const match = operation.pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(operation.pathNames.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    return { operation, params };
  }
  return undefined;
}

const errorBody = (status: number, message: string) => ({ status, code: status, message });

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeCdp(options: FakeCdpOptions = {}): Promise<FakeCdp> {
  operations ??= loadSpecOperations();
  const store = new FakeStore();
  const requests: ReceivedRequest[] = [];
  const violations: string[] = [];
  const expectedAuthorization = basicAuthorization(FAKE_CREDENTIALS.clientKey, FAKE_CREDENTIALS.apiToken);
  let faults = options.faults;
  let latencyMs = options.latencyMs ?? 0;
  let ignoreExpand = false;
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

  function send(
    response: ServerResponse,
    received: ReceivedRequest,
    operation: SpecOperation | undefined,
    answer: RouteAnswer,
    headers: Record<string, string> = {},
  ) {
    let { status, body } = answer;
    const problem = operation ? responseProblem(operation, status, body) : undefined;
    if (problem !== undefined) {
      violations.push(`response to ${received.method} ${received.url}: ${problem}`);
      status = 500;
      body = errorBody(500, `The fake's answer broke the spec: ${problem}`);
    }
    received.outcome = status;
    received.answeredAt = Date.now();
    if (response.destroyed) return;
    const text = body === undefined ? undefined : JSON.stringify(body);
    response.writeHead(status, { ...headers, ...(text === undefined ? {} : { "content-type": "application/json" }) });
    response.end(text);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", origin);
    const method = request.method ?? "GET";
    const matched = route(method, url.pathname);
    const received: ReceivedRequest = {
      index: requests.length + 1,
      method,
      operation: matched?.operation.key,
      url: `${url.pathname}${url.search}`,
      receivedAt: Date.now(),
    };
    requests.push(received);
    const text = await readBody(request);
    const fault: Fault | undefined =
      matched && faults?.({ index: received.index, operation: matched.operation.key, method, url: received.url });
    await wait(latencyMs + (fault?.kind === "delay" ? fault.ms : 0));

    if (request.headers.authorization !== expectedAuthorization) {
      return send(response, received, matched?.operation, { status: 401, body: errorBody(401, "Unauthorized") });
    }
    if (!matched)
      return send(response, received, undefined, {
        status: 404,
        body: errorBody(404, `No operation ${method} ${url.pathname}`),
      });
    const { operation, params } = matched;
    if (fault?.kind === "reset-before") {
      received.outcome = "reset-before";
      received.answeredAt = Date.now();
      request.socket.destroy();
      return;
    }
    if (fault?.kind === "status" && !fault.afterEffect) {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter };
      return send(
        response,
        received,
        operation,
        { status: fault.status, body: errorBody(fault.status, "Injected fault") },
        headers,
      );
    }

    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      violations.push(`request ${method} ${received.url}: the body is not JSON`);
      return send(response, received, operation, { status: 400, body: errorBody(400, "The body is not JSON.") });
    }
    const query = typedQuery(url.searchParams, operation.queryTypes);
    const broken = requestViolations(operation, { path: params, query, body });
    if (broken.length > 0) {
      const list = broken.map((v) => `${v.path}: ${v.message}`).join("; ");
      violations.push(`request ${method} ${received.url}: ${list}`);
      return send(response, received, operation, { status: 400, body: errorBody(400, list) });
    }

    let answer: RouteAnswer;
    try {
      answer = ROUTES[operation.key]!({ store, origin, path: url.pathname, params, query, body, ignoreExpand });
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      answer = { status: error.status, body: errorBody(error.status, error.message) };
    }
    if (fault?.kind === "reset-after") {
      received.outcome = "reset-after";
      received.answeredAt = Date.now();
      request.socket.destroy();
      return;
    }
    if (fault?.kind === "status")
      answer = { status: fault.status, body: errorBody(fault.status, "Injected fault after the request took effect") };
    send(response, received, operation, answer);
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
    store,
    requests,
    violations,
    setFaults: (plan) => {
      faults = plan;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setIgnoreExpand: (ignore) => {
      ignoreExpand = ignore;
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
