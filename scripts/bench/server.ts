// The benchmark's own API: a loopback node:http server with keep-alive and Basic auth that
// serves one order and its items as an offset/limit collection, with an optional per-request
// latency. It checks at start-up that what it serves matches the spec, since clients with
// `validateResponses: "strict"` would throw on an answer that does not.
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basicAuthorization } from "../../src/auth.js";
import { responseViolations } from "../../src/validation/response-violations.js";

export const BENCH_CREDENTIALS = { clientKey: "bench-client-key", apiToken: "bench-api-token" } as const;
export const BENCH_ORDER_REF = "0b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
export const BENCH_ORDER_PATH = `/v2.1/orders/${BENCH_ORDER_REF}`;
export const BENCH_ITEMS_PATH = `${BENCH_ORDER_PATH}/orderItems`;

export interface BenchServerOptions {
  /** How many order items the collection holds. */
  items: number;
  /** How long each answer waits before it is sent. */
  latencyMs: number;
}

export interface BenchServer {
  baseUrl: string;
  /** Requests answered (or refused) since the last reset. */
  readonly requests: number;
  resetRequestCount(): void;
  close(): Promise<void>;
}

/** The order, like the spec's Order example. */
function order(origin: string): Record<string, unknown> {
  return {
    ref: BENCH_ORDER_REF,
    href: `${origin}${BENCH_ORDER_PATH}`,
    createdAt: "2024-01-01T16:17:16Z",
    modifiedAt: "2024-01-01T16:17:16Z",
    referenceId: "B94TXY-1",
    orderedAt: "2024-01-01T16:17:16Z",
    currencyCode: "EUR",
    price: 50,
    paymentType: "Card",
    cardType: "Visa",
    pointOfSale: "home",
    channel: "WEB",
    status: "PURCHASED",
  };
}

function orderItem(index: number, origin: string): Record<string, unknown> {
  const ref = `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
  return {
    ref,
    href: `${origin}/v2.1/orderItems/${ref}`,
    createdAt: "2024-01-01T16:17:16Z",
    modifiedAt: "2024-01-01T16:17:16Z",
    orderedAt: "2024-01-01T16:17:16Z",
    name: `Item ${index}`,
    type: "MOBILE",
    price: 100 + (index % 50),
    currencyCode: "EUR",
    referenceId: `REF-${index}`,
    status: "CONFIRMED",
    quantity: 1,
    order: { href: `${origin}${BENCH_ORDER_PATH}` },
  };
}

/** Throws unless `body`, served with status 200 for `operation`, is what the spec documents. */
function checkServed(operation: string, body: Buffer): void {
  const violations = responseViolations(operation, 200, "application/json", JSON.parse(body.toString("utf8")));
  if (violations.length === 0) return;
  const found = violations.map((v) => `${v.path}: ${v.message}`).join("; ");
  throw new Error(
    `the bench server's answer to ${operation} departs from the spec (strict validation would throw): ${found}`,
  );
}

function integerParam(value: string | null, fallback: number): number | undefined {
  if (value === null) return fallback;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const expectedAuthorization = basicAuthorization(BENCH_CREDENTIALS.clientKey, BENCH_CREDENTIALS.apiToken);
  let requests = 0;
  let origin = "";
  // Pages are built once and then served from memory, so the server's own work stays small.
  const pages = new Map<string, Buffer>();

  const pageBody = (offset: number, limit: number, expand: boolean): Buffer => {
    const key = `${offset}:${limit}:${expand}`;
    const cached = pages.get(key);
    if (cached) return cached;
    const href = (at: number) =>
      `${origin}${BENCH_ITEMS_PATH}?${expand ? "expand=true&" : ""}offset=${at}&limit=${limit}`;
    const end = Math.min(offset + limit, options.items);
    const items = [];
    for (let i = offset; i < end; i++) {
      const item = orderItem(i, origin);
      items.push(expand ? item : { href: item.href, ref: item.ref });
    }
    const lastOffset = Math.floor(Math.max(options.items - 1, 0) / limit) * limit;
    const body = Buffer.from(
      JSON.stringify({
        href: href(offset),
        offset,
        limit,
        first: { href: href(0) },
        last: { href: href(lastOffset) },
        ...(end < options.items ? { next: { href: href(offset + limit) } } : {}),
        items,
      }),
    );
    pages.set(key, body);
    return body;
  };
  let created = Buffer.alloc(0);
  let orderBody = Buffer.alloc(0);

  const send = (response: ServerResponse, status: number, body: Buffer) => {
    const write = () => {
      response.writeHead(status, { "content-type": "application/json", "content-length": body.length });
      response.end(body);
    };
    if (options.latencyMs > 0) setTimeout(write, options.latencyMs);
    else write();
  };
  const error = (status: number, message: string) => Buffer.from(JSON.stringify({ status, code: status, message }));

  const handle = (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (request.headers.authorization !== expectedAuthorization) return send(response, 401, error(401, "UNAUTHORIZED"));
    if (url.pathname === BENCH_ORDER_PATH) {
      return request.method === "GET"
        ? send(response, 200, orderBody)
        : send(response, 405, error(405, "method not allowed"));
    }
    if (url.pathname !== BENCH_ITEMS_PATH) return send(response, 404, error(404, "no such path"));
    if (request.method === "POST") return send(response, 201, created);
    if (request.method !== "GET") return send(response, 405, error(405, "method not allowed"));
    const offset = integerParam(url.searchParams.get("offset"), 0);
    const limit = integerParam(url.searchParams.get("limit"), 10);
    if (offset === undefined || limit === undefined || limit < 10 || limit > 100) {
      return send(response, 400, error(400, "offset must be >= 0 and limit 10..100"));
    }
    send(response, 200, pageBody(offset, limit, url.searchParams.get("expand") === "true"));
  };

  const server = createServer((request, response) => {
    requests++;
    // The body is read to its end before answering, as a real server would.
    request.resume();
    request.once("end", () => handle(request, response, new URL(request.url ?? "/", origin)));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  created = Buffer.from(JSON.stringify(orderItem(options.items, origin)));
  orderBody = Buffer.from(JSON.stringify(order(origin)));
  checkServed("GET /v2.1/orders/{orderRef}", orderBody);
  checkServed("GET /v2.1/orders/{orderRef}/orderItems", pageBody(0, 100, true));

  return {
    baseUrl: origin,
    get requests() {
      return requests;
    },
    resetRequestCount() {
      requests = 0;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
