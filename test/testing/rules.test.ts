// The API's rules as the fake applies them, and its checks of requests and credentials,
// through the client.
import { AuthenticationError, BadRequestError, createOrderClient, unwrap } from "sitecore-cdp-orders";
import { createFakeCdp } from "sitecore-cdp-orders/testing";
import { describe, expect, it } from "vitest";
import { BASE_URL, fakeClient, orderBody } from "./fake-client.js";

describe("the API's rules", () => {
  it("takes a create with the referenceId of an order ordered at most two days apart as that order", async () => {
    const { cdp, fake } = fakeClient();
    const first = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("SAME-1", "2024-03-01T10:00:00Z") }));
    const again = await unwrap(
      cdp.POST("/v2.1/orders", { body: { ...orderBody("SAME-1", "2024-03-03T10:00:00Z"), price: 70 } }),
    );
    expect(again.ref).toBe(first.ref);
    expect(again).toMatchObject({ price: 70, orderedAt: "2024-03-01T10:00:00Z" });
    const later = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("SAME-1", "2024-03-03T10:00:01Z") }));
    expect(later.ref).not.toBe(first.ref);
    expect(fake.store.ordersWithReferenceId("SAME-1").map((o) => o.ref)).toEqual([first.ref, later.ref]);
  });

  it('keeps every create as a new order with duplicateOrders: "keep"', async () => {
    const { cdp, fake } = fakeClient({}, { duplicateOrders: "keep" });
    await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("TWICE-1") }));
    await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("TWICE-1") }));
    expect(fake.store.ordersWithReferenceId("TWICE-1")).toHaveLength(2);
  });

  it.each(["PUT", "PATCH"] as const)("refuses a %s that changes referenceId or orderedAt", async (method) => {
    const { cdp, fake } = fakeClient();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("FIXED-1") }));
    const update = (body: ReturnType<typeof orderBody>) => {
      const init = { params: { path: { orderRef } }, body };
      return unwrap(
        method === "PUT" ? cdp.PUT("/v2.1/orders/{orderRef}", init) : cdp.PATCH("/v2.1/orders/{orderRef}", init),
      );
    };
    for (const body of [orderBody("FIXED-2"), orderBody("FIXED-1", "2024-03-02T10:00:00Z")]) {
      const error = await update(body).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).message).toMatch(/(referenceId|orderedAt) of an order cannot be changed/);
    }
    // The same values, the same instant written another way: accepted.
    await update({ ...orderBody("FIXED-1", "2024-03-01T11:00:00+01:00"), price: 80 });
    expect(fake.store.order(orderRef)?.fields).toMatchObject({ referenceId: "FIXED-1", price: 80 });
    expect(fake.store.order(orderRef)?.fields.orderedAt).toBe("2024-03-01T10:00:00Z");
  });

  it("refuses a second data extension and a merge past 100 pairs", async () => {
    const { cdp } = fakeClient();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("EXT-1") }));
    const path = { orderRef, dataExtensionName: "ext" as const };
    const pairs = (prefix: string) => Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${prefix}${i}`, i]));
    await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: { path }, body: pairs("a") }),
    );
    const again = cdp.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: { path }, body: {} });
    await expect(unwrap(again)).rejects.toThrow(/already exists/);
    const merge = cdp.PATCH("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: pairs("b"),
    });
    await expect(unwrap(merge)).rejects.toThrow(/at most 100 key-value pairs/);
  });
});

describe("the fake's checks of requests and credentials", () => {
  it("answers a request that breaks the spec with a 400 naming the rule", async () => {
    const { cdp, fake } = fakeClient({ validateRequests: false });
    const error = await unwrap(
      cdp.POST("/v2.1/orders", { body: { ...orderBody("BAD-1"), orderedAt: "yesterday" } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    const { body } = error as BadRequestError;
    expect(body).toMatchObject({ status: 400, code: 400 });
    expect(body?.message).toContain("body.orderedAt");
    expect(body?.message).toContain("rule: format");
    expect(body?.developerMessage).toBe('body.orderedAt: must match format "date-time" [format]');
    expect(fake.store.counts().orders).toBe(0);
  });

  it("answers 401 without credentials and with others than it was given", async () => {
    const fake = createFakeCdp({ clientKey: "my-key", apiToken: "my-token" });
    const noAuth = await fake.fetch(`${BASE_URL}/v2.1/orders/any`);
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toMatchObject({ status: 401, code: 401, message: "Unauthorized" });
    for (const [clientKey, apiToken] of [
      ["fake-client-key", "fake-api-token"],
      ["my-key", "other-token"],
    ] as const) {
      const cdp = createOrderClient({ baseUrl: BASE_URL, clientKey, apiToken, fetch: fake.fetch });
      await expect(unwrap(cdp.POST("/v2.1/orders", { body: orderBody("AUTH-1") }))).rejects.toBeInstanceOf(
        AuthenticationError,
      );
    }
    const cdp = createOrderClient({ baseUrl: BASE_URL, clientKey: "my-key", apiToken: "my-token", fetch: fake.fetch });
    await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("AUTH-1") }));
    expect(fake.store.counts().orders).toBe(1);
  });

  it("answers 404 with a CDP error body for a path the API does not have", async () => {
    const { fake } = fakeClient();
    const response = await fake.fetch(`${BASE_URL}/v2.1/customers`, {
      headers: { authorization: `Basic ${btoa("fake-client-key:fake-api-token")}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, code: 404 });
  });
});
