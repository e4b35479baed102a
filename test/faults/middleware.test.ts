// Middleware registered with `client.use` gets standard Requests, whatever the client sends
// without it, and what it returns is what goes over the wire.
import { describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  createOrderClient,
  NotFoundError,
  RequestValidationError,
  unwrap,
} from "../../src/index.js";
import { example } from "../contract/examples.js";
import { json, withFaultServer, type FaultServer } from "./fault-server.js";

const ORDER = example("Order");
const NEW_ORDER = example("OrderRequest");

const clientOf = (server: FaultServer) =>
  createOrderClient({ baseUrl: server.url, clientKey: "k", apiToken: "t", retry: { maxRetries: 0 } });

it("hands onRequest a standard Request with the credentials and the body", () =>
  withFaultServer([json(201, ORDER)], async (server) => {
    const client = clientOf(server);
    const seen: { standard: boolean; authorization: string | null; body: unknown; signal: boolean }[] = [];
    client.use({
      async onRequest({ request }) {
        seen.push({
          standard: request instanceof Request,
          authorization: request.headers.get("authorization"),
          body: await request.clone().json(),
          signal: request.signal instanceof AbortSignal,
        });
        return undefined;
      },
    });
    await unwrap(client.POST("/v2.1/orders", { body: NEW_ORDER }));
    expect(seen).toEqual([{ standard: true, authorization: `Basic ${btoa("k:t")}`, body: NEW_ORDER, signal: true }]);
    expect(JSON.parse(server.requests[0]!.body)).toEqual(NEW_ORDER);
  }));

it("sends the Request that onRequest returns, body included", () =>
  withFaultServer([json(201, ORDER)], async (server) => {
    const client = clientOf(server);
    client.use({
      onRequest({ request }) {
        const headers = new Headers(request.headers);
        headers.set("x-trace-id", "trace-1");
        return new Request(request, { headers });
      },
    });
    await unwrap(client.POST("/v2.1/orders", { body: NEW_ORDER }));
    const [sent] = server.requests;
    expect(sent!.headers["x-trace-id"]).toBe("trace-1");
    expect(sent!.headers.authorization).toBe(`Basic ${btoa("k:t")}`);
    expect(JSON.parse(sent!.body)).toEqual(NEW_ORDER);
  }));

// README, Middleware: "Middleware runs before the transport, so each retry sends the
// request as middleware left it." It runs once per call; every attempt repeats its output.
describe("a retry sends the request as middleware left it", () => {
  const busy = json(503, { status: 503, code: 503, message: "busy" });
  /** A client that retries at once, recording the backoff waits it asked for. */
  const retryingClientOf = (server: FaultServer, waits: number[]) =>
    createOrderClient({
      baseUrl: server.url,
      clientKey: "k",
      apiToken: "t",
      retry: { maxRetries: 2 },
      sleep: async (ms) => void waits.push(ms),
    });

  it("a header onRequest set on the Request it was given", () =>
    withFaultServer([busy, json(200, ORDER)], async (server) => {
      const waits: number[] = [];
      const client = retryingClientOf(server, waits);
      const traceIds: string[] = [];
      client.use({
        onRequest({ request }) {
          const traceId = crypto.randomUUID();
          traceIds.push(traceId);
          request.headers.set("x-trace-id", traceId);
          return request;
        },
      });
      const path = { orderRef: ORDER.ref };
      expect(await unwrap(client.PUT("/v2.1/orders/{orderRef}", { params: { path }, body: NEW_ORDER }))).toEqual(ORDER);
      expect(waits).toHaveLength(1);
      expect(traceIds).toHaveLength(1);
      expect(server.requests.map((sent) => [sent.method, sent.headers["x-trace-id"]])).toEqual([
        ["PUT", traceIds[0]],
        ["PUT", traceIds[0]],
      ]);
      for (const sent of server.requests) {
        expect(sent.headers.authorization).toBe(`Basic ${btoa("k:t")}`);
        expect(JSON.parse(sent.body)).toEqual(NEW_ORDER);
      }
    }));

  it("a body and a header in the new Request onRequest returned", () =>
    withFaultServer([busy, busy, json(201, ORDER)], async (server) => {
      const waits: number[] = [];
      const client = retryingClientOf(server, waits);
      const changed = { ...NEW_ORDER, referenceId: "set-by-middleware" };
      let calls = 0;
      client.use({
        async onRequest({ request }) {
          calls++;
          const headers = new Headers(request.headers);
          headers.set("x-changed", "yes");
          expect(await request.clone().json()).toEqual(NEW_ORDER);
          return new Request(request, { headers, body: JSON.stringify(changed) });
        },
      });
      // A 503 proves a POST was not processed, so it is the one answer a POST is retried after.
      expect(await unwrap(client.POST("/v2.1/orders", { body: NEW_ORDER }))).toEqual(ORDER);
      expect(waits).toHaveLength(2);
      expect(calls).toBe(1);
      expect(server.requests).toHaveLength(3);
      for (const sent of server.requests) {
        expect(sent.method).toBe("POST");
        expect(sent.headers["x-changed"]).toBe("yes");
        expect(sent.headers.authorization).toBe(`Basic ${btoa("k:t")}`);
        expect(JSON.parse(sent.body)).toEqual(changed);
      }
    }));
});

it("still names the operation in errors when middleware is registered", () =>
  withFaultServer([json(404, { status: 404, code: 404, message: "no such order" })], async (server) => {
    const client = clientOf(server);
    client.use({ onRequest: () => undefined });
    const failure = await unwrap(
      client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER.ref } } }),
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NotFoundError);
    expect((failure as NotFoundError).operation).toBe("GET /v2.1/orders/{orderRef}");
  }));

// Without middleware nothing needs a Request object, so none is built (each costs about as
// much CPU as a loopback round trip); registering middleware brings them back.
it("builds no Request per call until middleware is registered", async () => {
  let built = 0;
  const StandardRequest = globalThis.Request;
  vi.stubGlobal(
    "Request",
    class extends StandardRequest {
      constructor(...args: ConstructorParameters<typeof Request>) {
        super(...args);
        built++;
      }
    },
  );
  vi.stubGlobal("fetch", async () => Response.json(ORDER));
  try {
    const client = createOrderClient({ baseUrl: "https://cdp.test", clientKey: "k", apiToken: "t" });
    const call = () => unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER.ref } } }));
    expect(await call()).toEqual(ORDER);
    expect(built).toBe(0);
    client.use({ onRequest: () => undefined });
    expect(await call()).toEqual(ORDER);
    expect(built).toBe(1);
  } finally {
    vi.unstubAllGlobals();
  }
});

// A custom bodySerializer may hand openapi-fetch something other than a string.
it("sends a FormData body from a custom bodySerializer with its multipart type", () =>
  withFaultServer([json(201, ORDER)], async (server) => {
    const client = createOrderClient({ baseUrl: server.url, clientKey: "k", apiToken: "t", validateRequests: false });
    const { response } = await client.POST("/v2.1/orders", {
      body: NEW_ORDER,
      bodySerializer: (body) => {
        const form = new FormData();
        form.set("referenceId", body.referenceId);
        return form;
      },
    });
    expect(response.status).toBe(201);
    const [sent] = server.requests;
    const type = sent!.headers["content-type"] ?? "";
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const parsed = await new Response(sent!.body, { headers: { "content-type": type } }).formData();
    expect(parsed.get("referenceId")).toBe(NEW_ORDER.referenceId);
  }));

// `request(method, …)` is the same call as the method shortcuts: named, validated, and
// handing middleware standard Requests.
it("treats client.request like the method shortcuts", () =>
  withFaultServer(
    [json(200, ORDER), json(404, { status: 404, code: 404, message: "no such order" })],
    async (server) => {
      const client = clientOf(server);
      const seen: boolean[] = [];
      client.use({
        onRequest({ request }) {
          seen.push(request instanceof Request && typeof request.clone === "function");
          return undefined;
        },
      });
      const path = { orderRef: ORDER.ref };
      expect(await unwrap(client.request("get", "/v2.1/orders/{orderRef}", { params: { path } }))).toEqual(ORDER);
      const failure = await unwrap(client.request("get", "/v2.1/orders/{orderRef}", { params: { path } })).catch(
        (e: unknown) => e,
      );
      expect((failure as NotFoundError).operation).toBe("GET /v2.1/orders/{orderRef}");
      expect(seen).toEqual([true, true]);
      const invalid = await client
        .request("post", "/v2.1/orders", { body: { ...NEW_ORDER, status: "NOT_A_STATUS" } as never })
        .catch((e: unknown) => e);
      expect(invalid).toBeInstanceOf(RequestValidationError);
      expect(server.requests).toHaveLength(2);
    },
  ));

// An answer middleware builds anew carries nothing of the transport's; unwrap must still
// say what was sent, and a 401's hint must not trip over it.
it("types the error of an answer that onResponse middleware replaced, with what was sent", () =>
  withFaultServer(
    [json(401, { status: 401, message: "bad credentials" }), json(404, { status: 404, message: "gone" })],
    async (server) => {
      const client = clientOf(server);
      client.use({ onResponse: ({ response }) => new Response(response.body, response) });
      const path = { orderRef: ORDER.ref };
      const unauthorized = await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path } })).catch(
        (e: unknown) => e,
      );
      expect(unauthorized).toBeInstanceOf(AuthenticationError);
      expect(unauthorized).toMatchObject({
        method: "GET",
        url: `${server.url}/v2.1/orders/${ORDER.ref}`,
        operation: "GET /v2.1/orders/{orderRef}",
      });
      expect((unauthorized as Error).message).toContain(`requests went to ${new URL(server.url).host}`);
      const notFound = await unwrap(client.DELETE("/v2.1/orders/{orderRef}", { params: { path } })).catch(
        (e: unknown) => e,
      );
      expect(notFound).toBeInstanceOf(NotFoundError);
      expect(notFound).toMatchObject({ method: "DELETE", operation: "DELETE /v2.1/orders/{orderRef}" });
    },
  ));

it("types the error of an answer that onRequest middleware returned instead of sending", async () => {
  const client = createOrderClient({ baseUrl: "http://127.0.0.1:9", clientKey: "k", apiToken: "t" });
  client.use({ onRequest: () => Response.json({ status: 404, message: "cached miss" }, { status: 404 }) });
  const error = await unwrap(
    client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER.ref } } }),
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error).toMatchObject({ method: "GET", operation: "GET /v2.1/orders/{orderRef}" });
});

it("names the operation on errors when onRequest middleware returns a new Request", () =>
  withFaultServer(
    [json(404, { status: 404, message: "no such order" }), { resetBeforeResponse: true }],
    async (server) => {
      const client = clientOf(server);
      client.use({ onRequest: ({ request }) => new Request(request, { headers: new Headers(request.headers) }) });
      client.use({ onResponse: () => undefined });
      const notFound = await unwrap(
        client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER.ref } } }),
      ).catch((e: unknown) => e);
      expect(notFound).toBeInstanceOf(NotFoundError);
      expect(notFound).toMatchObject({ operation: "GET /v2.1/orders/{orderRef}" });
      const lost = await client.POST("/v2.1/orders", { body: NEW_ORDER }).catch((e: unknown) => e);
      expect(lost).toMatchObject({
        name: "ConnectionError",
        operation: "POST /v2.1/orders",
        sent: { operation: "POST /v2.1/orders" },
      });
    },
  ));

it("hands middleware given to one call a standard Request, and names its operation on errors", () =>
  withFaultServer([json(201, ORDER), json(404, { status: 404, message: "no such order" })], async (server) => {
    const client = clientOf(server);
    const bodies: unknown[] = [];
    const middleware = [
      {
        async onRequest({ request }: { request: Request }) {
          if (request.body) bodies.push(await request.clone().json());
          return new Request(request, { headers: new Headers(request.headers) });
        },
      },
    ];
    await unwrap(client.POST("/v2.1/orders", { body: NEW_ORDER, middleware }));
    expect(bodies).toEqual([NEW_ORDER]);
    const error = await unwrap(
      client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER.ref } }, middleware }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ operation: "DELETE /v2.1/orders/{orderRef}" });
  }));
