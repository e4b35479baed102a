// Mocking the API in-process with MSW, as docs/msw.md shows: handlers typed through
// openapi-msw from the package's `paths`, a client on the `eu` region, and the global fetch
// the client calls intercepted. A request no handler answers is refused
// (`onUnhandledRequest: "error"`), so nothing leaves the process.
import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createOpenApiHttp } from "openapi-msw";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type components,
  ConnectionError,
  createOrderClient,
  NotFoundError,
  type paths,
  REGION_BASE_URLS,
  RequestValidationError,
  ResponseValidationError,
  unwrap,
} from "../../src/index.js";

type Order = components["schemas"]["Order"];

const http = createOpenApiHttp<paths>({ baseUrl: REGION_BASE_URLS.eu });
const server = setupServer();

const credentials = { clientKey: "msw-client-key", apiToken: "msw-api-token" };
// No retries: a refused request fails at once instead of after two backoffs. Answers are
// checked against the spec, so a handler's body that departs from it fails the test.
const cdp = createOrderClient({ region: "eu", ...credentials, retry: { maxRetries: 0 }, validateResponses: "strict" });

const ORDER_REF = "2d7de9df-45a2-45ea-872c-30e45139007d";

function orderAt(ref: string, fields: Partial<Order> = {}): Order {
  return {
    ref,
    href: `${REGION_BASE_URLS.eu}/v2.1/orders/${ref}`,
    referenceId: "B94TXY-1",
    orderedAt: "2024-01-01T16:17:16Z",
    currencyCode: "EUR",
    price: 50,
    ...fields,
  };
}

/** Runs `call` with MSW's report of unhandled requests captured; returns what it reported. */
async function reportedWhile(call: () => Promise<void>): Promise<string> {
  const report = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    await call();
    return report.mock.calls.flat().map(String).join("\n");
  } finally {
    report.mockRestore();
  }
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("the client against MSW handlers typed by the package's paths", () => {
  it("reads the order a GET handler answers, on the eu host", async () => {
    const seen: string[] = [];
    server.use(
      http.get("/v2.1/orders/{orderRef}", ({ params, request, response }) => {
        seen.push(`${request.method} ${request.url}`);
        return response(200).json(orderAt(params.orderRef));
      }),
    );

    const order = await unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER_REF } } }));

    expect(order).toEqual(orderAt(ORDER_REF));
    expect(seen).toEqual([`GET ${REGION_BASE_URLS.eu}/v2.1/orders/${ORDER_REF}`]);
  });

  it("turns a 404 with a CDP error body into NotFoundError", async () => {
    server.use(
      http.get("/v2.1/orders/{orderRef}", ({ params, response }) =>
        response(404).json({ status: 404, code: 404, message: `Order ${params.orderRef} not found` }),
      ),
    );

    const call = cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER_REF } } });
    const error = await unwrap(call).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, message: expect.stringContaining(`Order ${ORDER_REF} not found`) });
  });

  it("gives the same 404 as an error result without unwrap", async () => {
    server.use(
      http.get("/v2.1/orders/{orderRef}", ({ response }) =>
        response(404).json({ status: 404, code: 404, message: "Order not found" }),
      ),
    );

    const { data, error, response } = await cdp.GET("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef: ORDER_REF } },
    });

    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ status: 404, code: 404, message: "Order not found" });
  });
});

describe("an untyped handler", () => {
  it('may answer unlike the spec; validateResponses "strict" catches it at run time', async () => {
    server.use(http.untyped.get(`${REGION_BASE_URLS.eu}/v2.1/orders/:orderRef`, () => HttpResponse.json({ ref: 1 })));

    const call = cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER_REF } } });

    await expect(unwrap(call)).rejects.toBeInstanceOf(ResponseValidationError);
  });
});

describe("a POST handler", () => {
  it("reads the typed body and the Basic credentials the client sent", async () => {
    const received: { authorization: string | null; contentType: string | null; body: unknown }[] = [];
    server.use(
      http.post("/v2.1/orders", async ({ request, response }) => {
        const body = await request.json();
        received.push({
          authorization: request.headers.get("authorization"),
          contentType: request.headers.get("content-type"),
          body,
        });
        return response(201).json(orderAt(ORDER_REF, body));
      }),
    );
    const input = {
      referenceId: "B94TXY-2",
      orderedAt: "2024-02-02T10:00:00Z",
      currencyCode: "EUR",
      price: 75,
      channel: "WEB",
      status: "PURCHASED",
    } as const;

    const order = await unwrap(cdp.POST("/v2.1/orders", { body: input }));

    expect(received).toEqual([
      {
        authorization: `Basic ${btoa(`${credentials.clientKey}:${credentials.apiToken}`)}`,
        contentType: expect.stringMatching(/^application\/json\b/),
        body: input,
      },
    ]);
    expect(order).toEqual(orderAt(ORDER_REF, input));
  });

  it("is not called for a body the spec refuses: the client rejects it before sending", async () => {
    let calls = 0;
    server.use(
      http.post("/v2.1/orders", ({ response }) => {
        calls++;
        return response(201).json(orderAt(ORDER_REF));
      }),
    );
    const body = { referenceId: "B94TXY-3", orderedAt: "not a date", currencyCode: "EUR", price: 1 };

    await expect(unwrap(cdp.POST("/v2.1/orders", { body }))).rejects.toBeInstanceOf(RequestValidationError);
    expect(calls).toBe(0);
  });
});

describe("a request no handler answers", () => {
  it("is refused inside the process, as a ConnectionError, instead of reaching the network", async () => {
    let error: unknown;
    const report = await reportedWhile(async () => {
      error = await cdp
        .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER_REF } } })
        .catch((caught: unknown) => caught);
    });

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toMatchObject({ message: expect.stringContaining("onUnhandledRequest") });
    expect(report).toContain(`GET ${REGION_BASE_URLS.eu}/v2.1/orders/${ORDER_REF}`);
  });

  it("includes one to another region's host: handlers match only the base URL they were given", async () => {
    server.use(
      http.get("/v2.1/orders/{orderRef}", ({ params, response }) => response(200).json(orderAt(params.orderRef))),
    );
    const us = createOrderClient({ region: "us", ...credentials, retry: { maxRetries: 0 } });

    let error: unknown;
    const report = await reportedWhile(async () => {
      error = await us
        .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER_REF } } })
        .catch((caught: unknown) => caught);
    });

    expect(error).toBeInstanceOf(ConnectionError);
    expect(report).toContain(`GET ${REGION_BASE_URLS.us}/v2.1/orders/${ORDER_REF}`);
  });

  it("is retried like a lost connection, for a GET, when the client retries", async () => {
    const retrying = createOrderClient({ region: "eu", ...credentials, sleep: async () => {} });

    let error: unknown;
    const report = await reportedWhile(async () => {
      error = await retrying
        .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER_REF } } })
        .catch((caught: unknown) => caught);
    });

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).attempts).toBe(3);
    expect(report.split(`GET ${REGION_BASE_URLS.eu}/v2.1/orders/${ORDER_REF}`).length - 1).toBe(3);
  });
});
