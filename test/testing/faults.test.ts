// Each kind of fault a test can ask the fake for with `fail`, through the client and through
// the fake's fetch itself, and what each leaves in the store.
import {
  ConnectionError,
  InternalServerError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  unwrap,
} from "sitecore-cdp-orders";
import { describe, expect, it } from "vitest";
import { BASE_URL, fakeClient, orderBody } from "./fake-client.js";

const AUTH = { authorization: `Basic ${btoa("fake-client-key:fake-api-token")}` };
const postOrder = (referenceId: string, signal?: AbortSignal): RequestInit => ({
  method: "POST",
  headers: { ...AUTH, "content-type": "application/json" },
  body: JSON.stringify(orderBody(referenceId)),
  ...(signal ? { signal } : {}),
});

describe("fail: error answers", () => {
  it("answers 429 with Retry-After, without effect, for the next call of the operation only", async () => {
    const { cdp, fake } = fakeClient();
    fake.fail({ kind: "status", status: 429, retryAfter: 7 }, { operation: "POST /v2.1/orders", times: 1 });
    const error = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("LIMIT-1") })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers["retry-after"]).toBe("7");
    expect(fake.store.counts().orders).toBe(0);
    await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("LIMIT-1") }));
    expect(fake.store.counts().orders).toBe(1);
  });

  it("gives a 429 a Retry-After of 1 second unless told", async () => {
    const { fake } = fakeClient();
    fake.fail({ kind: "status", status: 429 });
    const response = await fake.fetch(`${BASE_URL}/v2.1/orders/any`, { headers: AUTH });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toMatchObject({ status: 429, code: 429 });
  });

  it.each([500, 502, 503] as const)("answers %i without effect", async (status) => {
    const { cdp, fake } = fakeClient();
    fake.fail({ kind: "status", status });
    const error = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody(`DOWN-${status}`) })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(status);
    expect(fake.store.counts().orders).toBe(0);
  });

  it("answers 500 after the request took effect with processed: true", async () => {
    const { cdp, fake } = fakeClient();
    fake.fail({ kind: "status", status: 500, processed: true }, { operation: "POST /v2.1/orders" });
    await expect(unwrap(cdp.POST("/v2.1/orders", { body: orderBody("AMBIGUOUS-1") }))).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(fake.store.ordersWithReferenceId("AMBIGUOUS-1")).toHaveLength(1);
  });

  it("applies to one operation, to the next N calls, and until removed", async () => {
    const { cdp, fake } = fakeClient();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("SCOPE-1") }));
    const read = () => unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }));
    const stop = fake.fail({ kind: "status", status: 403 }, { operation: "GET /v2.1/orders/{orderRef}" });
    await unwrap(cdp.PATCH("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, body: { price: 60 } }));
    await expect(read()).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(read()).rejects.toBeInstanceOf(PermissionDeniedError);
    stop();
    await read();

    fake.fail({ kind: "status", status: 503 }, { times: 2 });
    const outcomes = [];
    for (let i = 0; i < 3; i++)
      outcomes.push(
        await read().then(
          () => "ok",
          (e: Error) => e.name,
        ),
      );
    expect(outcomes).toEqual(["InternalServerError", "InternalServerError", "ok"]);
  });

  it("refuses a fault or scope it cannot apply, saying why", () => {
    const { fake } = fakeClient();
    expect(() => fake.fail({ kind: "status", status: 418 as 500 })).toThrow(/status 418 is not one of/);
    expect(() => fake.fail({ kind: "latency", ms: -1 })).toThrow(/latency -1/);
    expect(() =>
      fake.fail({ kind: "connection-failure" }, { operation: "POST /v2.1/order" as "POST /v2.1/orders" }),
    ).toThrow(/not an operation of the API/);
    expect(() => fake.fail({ kind: "connection-failure" }, { times: 0 })).toThrow(/times 0/);
  });
});

describe("fail: latency", () => {
  it("delays the answer", async () => {
    const { cdp, fake } = fakeClient();
    fake.fail({ kind: "latency", ms: 150 }, { times: 1 });
    const started = performance.now();
    await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("SLOW-1") }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(fake.store.counts().orders).toBe(1);
  });

  it("ends the wait when the request's signal aborts: the fetch rejects with its reason, nothing happens", async () => {
    const { fake } = fakeClient();
    fake.fail({ kind: "latency", ms: 10_000 });
    const controller = new AbortController();
    const reason = new Error("the test gave up");
    setTimeout(() => controller.abort(reason), 30);
    const started = performance.now();
    await expect(fake.fetch(`${BASE_URL}/v2.1/orders`, postOrder("ABORTED-1", controller.signal))).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(fake.store.counts().orders).toBe(0);
  });

  it("reaches the client as RequestAbortedError when its caller aborts", async () => {
    const { cdp, fake } = fakeClient();
    fake.fail({ kind: "latency", ms: 10_000 });
    const error = await unwrap(
      cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: "any" } }, signal: AbortSignal.timeout(30) }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
  });
});

describe("fail: connections", () => {
  it("fails the connection before the request arrives: a TypeError like undici's, nothing stored", async () => {
    const { fake } = fakeClient();
    fake.fail({ kind: "connection-failure" }, { times: 1 });
    const error = await fake.fetch(`${BASE_URL}/v2.1/orders`, postOrder("REFUSED-1")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNREFUSED" } });
    expect(fake.store.counts().orders).toBe(0);
  });

  it("lets the client know a refused create never arrived, so it retries it", async () => {
    const { cdp, fake } = fakeClient();
    fake.fail({ kind: "connection-failure" }, { operation: "POST /v2.1/orders", times: 1 });
    const error = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("REFUSED-2") })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).outcomeUnknown).toBe(false);

    const retrying = fakeClient({ retry: { maxRetries: 1, initialDelayMs: 1 } });
    retrying.fake.fail({ kind: "connection-failure" }, { operation: "POST /v2.1/orders", times: 1 });
    await unwrap(retrying.cdp.POST("/v2.1/orders", { body: orderBody("REFUSED-2") }));
    expect(retrying.fake.store.ordersWithReferenceId("REFUSED-2")).toHaveLength(1);
  });

  it("processes the request, then drops the connection: the write is in the store, the outcome unknown", async () => {
    const { cdp, fake } = fakeClient();
    fake.fail({ kind: "dropped-after-processing" }, { operation: "POST /v2.1/orders", times: 1 });
    const error = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("DROPPED-1") })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).outcomeUnknown).toBe(true);
    expect(fake.store.ordersWithReferenceId("DROPPED-1")).toHaveLength(1);

    fake.fail({ kind: "dropped-after-processing" }, { times: 1 });
    const direct = await fake.fetch(`${BASE_URL}/v2.1/orders`, postOrder("DROPPED-2")).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(TypeError);
    expect(direct).toMatchObject({ message: "fetch failed", cause: { code: "UND_ERR_SOCKET" } });
    expect(fake.store.ordersWithReferenceId("DROPPED-2")).toHaveLength(1);
  });
});
