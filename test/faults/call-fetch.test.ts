// README, "Errors, retries and timeouts": "A call's own fetch gets the same timeouts,
// retries and redirect rules as the client's." A call's fetch here is openapi-fetch's
// per-call `fetch` option; each test counts what went through it, and the client's own
// fetch option (which would answer from nowhere) must never be used.
import { describe, expect, it } from "vitest";
import {
  createOrderClient,
  RedirectError,
  TimeoutError,
  unwrap,
  type OrderClient,
  type OrderClientOptions,
} from "../../src/index.js";
import { example } from "../contract/examples.js";
import { json, startFaultServer, withFaultServer, type FaultServer } from "./fault-server.js";

const ORDER = example("Order");
const orderRef = ORDER.ref;
const path = { orderRef };

/** A client of `server` whose own fetch fails the test, and whose backoff waits are recorded and skipped. */
function clientOf(server: FaultServer, waits: number[], options: OrderClientOptions = {}): OrderClient {
  return createOrderClient({
    baseUrl: server.url,
    clientKey: "k",
    apiToken: "t",
    fetch: async () => {
      throw new Error("the client's fetch was used instead of the call's");
    },
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
}

/** A call's fetch that sends through the global fetch, recording the URL of each Request it gets. */
function callFetch(): { fetch: (request: Request) => Promise<Response>; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (request) => {
      urls.push(request.url);
      return globalThis.fetch(request);
    },
  };
}

describe("a call's own fetch gets the client's transport", () => {
  it("its attempt timeout: an answer later than timeoutMs ends each attempt, and the call with TimeoutError", () =>
    // Without the client's timeout the call would get the answer 3 s later, and its data.
    withFaultServer(
      [
        { delayFirstByteMs: 3_000, ...json(200, ORDER) },
        { delayFirstByteMs: 3_000, ...json(200, ORDER) },
      ],
      async (server) => {
        const waits: number[] = [];
        const client = clientOf(server, waits, { timeoutMs: 200, retry: { maxRetries: 1 } });
        const { fetch, urls } = callFetch();
        const error = await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path }, fetch })).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(TimeoutError);
        expect((error as TimeoutError).attempts).toBe(2);
        expect((error as Error).message).toMatch(/within the 200 ms attempt timeout after 2 attempts/);
        expect(urls).toEqual([`${server.url}/v2.1/orders/${orderRef}`, `${server.url}/v2.1/orders/${orderRef}`]);
        expect(waits).toHaveLength(1);
        expect(server.attempts).toBe(2);
      },
    ));

  it("its redirect rules: a redirect to another origin is refused with RedirectError, and not followed", async () => {
    // Followed, the request (credentials included) would reach the other origin.
    const other = await startFaultServer();
    try {
      other.script([json(200, ORDER)]);
      const elsewhere = `${other.url}/v2.1/orders/${orderRef}`;
      await withFaultServer([{ redirectTo: elsewhere }], async (server) => {
        const waits: number[] = [];
        const { fetch, urls } = callFetch();
        const error = await unwrap(
          clientOf(server, waits).GET("/v2.1/orders/{orderRef}", { params: { path }, fetch }),
        ).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedirectError);
        expect((error as RedirectError).location).toBe(elsewhere);
        expect(urls).toEqual([`${server.url}/v2.1/orders/${orderRef}`]);
        expect(waits).toEqual([]);
        expect(server.attempts).toBe(1);
        expect(other.attempts).toBe(0);
      });
    } finally {
      await other.close();
    }
  });

  it("its retries: a 503 is retried through it", () =>
    withFaultServer([json(503, { status: 503, code: 503, message: "busy" }), json(200, ORDER)], async (server) => {
      const waits: number[] = [];
      const { fetch, urls } = callFetch();
      const data = await unwrap(clientOf(server, waits).GET("/v2.1/orders/{orderRef}", { params: { path }, fetch }));
      expect(data).toEqual(ORDER);
      expect(urls).toHaveLength(2);
      expect(waits).toHaveLength(1);
      expect(server.requests.map((request) => request.headers.authorization)).toEqual([
        `Basic ${btoa("k:t")}`,
        `Basic ${btoa("k:t")}`,
      ]);
    }));
});
