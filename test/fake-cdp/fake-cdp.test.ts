import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { basicAuthorization } from "../../src/auth.js";
import { ConnectionError, createOrderClient, paginate, RateLimitError, unwrap } from "../../src/index.js";
import { loadSpecChecks } from "../../src/testing/spec-checks.js";
import { FAKE_CREDENTIALS, startFakeCdp, type FakeCdp } from "./server.js";

let fake: FakeCdp;
const client = () => createOrderClient({ baseUrl: fake.url, ...FAKE_CREDENTIALS, retry: { maxRetries: 0 } });
const orderBody = (referenceId: string) =>
  ({
    referenceId,
    orderedAt: "2024-01-01T16:17:16Z",
    currencyCode: "EUR",
    price: 50,
    channel: "WEB",
    status: "PURCHASED",
  }) as const;

beforeAll(async () => {
  fake = await startFakeCdp();
});
afterEach(() => {
  fake.setFaults(undefined);
  expect(fake.violations).toEqual([]);
});
afterAll(() => fake.close());

describe("the fake CDP", () => {
  it("keeps orders and their children, lists them by referenceId and guest, and answers within the spec", async () => {
    const cdp = client();
    // What other tests left in the shared fake: deleting this order must remove exactly its own.
    const stored = () =>
      [
        fake.store.orders,
        fake.store.items,
        fake.store.contacts,
        fake.store.consumers,
        fake.store.itemExtensions,
        fake.store.orderExtensions,
      ].map((map) => map.size);
    const before = stored();
    const order = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("FAKE-1") }));
    const orderRef = order.ref;
    const contact = await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/contacts", {
        params: { path: { orderRef } },
        body: { firstName: "Ann", identifiers: [{ provider: "shop", id: "ann" }] },
      }),
    );
    const item = await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/orderItems", {
        params: { path: { orderRef } },
        body: {
          referenceId: "FAKE-1-A",
          name: "Phone",
          type: "MOBILE",
          price: 50,
          currencyCode: "EUR",
          status: "CONFIRMED",
        },
      }),
    );
    await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/consumers", { params: { path: { orderRef } }, body: { firstName: "Bob" } }),
    );
    await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
        params: { path: { orderRef, dataExtensionName: "ext" } },
        body: { tier: "gold" },
      }),
    );
    await unwrap(
      cdp.POST("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
        params: { path: { orderItemRef: item.ref, dataExtensionName: "ext" } },
        body: { giftWrap: true },
      }),
    );

    const byReference = await paginate(cdp, "/v2.1/orders", {
      params: { query: { referenceId: "FAKE-1", expand: true } },
    }).collect({ max: 10 });
    expect(byReference.map((o) => o.ref)).toEqual([orderRef]);
    const guestRef = contact.guest!.href.split("/").pop()!;
    const byGuest = await paginate(cdp, "/v2.1/orders", { params: { query: { guestRef } } }).collect({ max: 10 });
    expect(byGuest.map((o) => o.ref)).toEqual([orderRef]);
    const items = await paginate(cdp, "/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef }, query: { expand: true } },
    }).collect({ max: 10 });
    expect(items).toMatchObject([{ referenceId: "FAKE-1-A", orderedAt: "2024-01-01T16:17:16Z" }]);
    const extensions = await unwrap(
      cdp.GET("/v2.1/orders/{orderRef}/extensions", { params: { path: { orderRef }, query: { expand: true } } }),
    );
    expect(extensions.items).toMatchObject([{ name: "ext", tier: "gold" }]);

    await unwrap(cdp.PATCH("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, body: { price: 60 } }));
    expect((await unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).price).toBe(60);
    await unwrap(
      cdp.DELETE("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}/fields", {
        params: { path: { orderRef, dataExtensionName: "ext" }, query: { name: "tier" } },
      }),
    );
    await unwrap(cdp.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }));
    expect(stored()).toEqual(before);
  });

  it("pages a collection with the envelope the spec describes", async () => {
    const cdp = client();
    for (let i = 0; i < 25; i++) await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("FAKE-PAGED") }));
    const first = await unwrap(
      cdp.GET("/v2.1/orders", { params: { query: { referenceId: "FAKE-PAGED", limit: 10 } } }),
    );
    expect(first).toMatchObject({ offset: 0, limit: 10 });
    expect(first.items).toHaveLength(10);
    expect(first.next?.href).toContain("offset=10");
    expect(first.last?.href).toContain("offset=20");
    const all = await paginate(cdp, "/v2.1/orders", {
      params: { query: { referenceId: "FAKE-PAGED", limit: 10 } },
    }).collect({ max: 100 });
    expect(new Set(all.map((o) => o.ref)).size).toBe(25);
  });

  it("takes an order's orderedAt written another way as the same instant, and keeps a merged extension within 100 pairs", async () => {
    const cdp = client();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("FAKE-IDENTITY") }));
    const path = { orderRef };
    await unwrap(
      cdp.PATCH("/v2.1/orders/{orderRef}", {
        params: { path },
        body: { orderedAt: "2024-01-01T16:17:16.000Z", price: 70 },
      }),
    );
    // A value no date parser reads is still the same as itself.
    const { ref: leapRef } = await unwrap(
      cdp.POST("/v2.1/orders", { body: { ...orderBody("FAKE-LEAP"), orderedAt: "2016-12-31T23:59:60Z" } }),
    );
    await unwrap(
      cdp.PATCH("/v2.1/orders/{orderRef}", {
        params: { path: { orderRef: leapRef } },
        body: { orderedAt: "2016-12-31T23:59:60Z", price: 70 },
      }),
    );
    const moved = await cdp.PATCH("/v2.1/orders/{orderRef}", {
      params: { path },
      body: { orderedAt: "2024-01-02T16:17:16Z" },
    });
    expect(moved.response.status).toBe(400);
    const pairs = (prefix: string) => Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${prefix}${i}`, i]));
    const extPath = { orderRef, dataExtensionName: "ext" as const };
    await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
        params: { path: extPath },
        body: pairs("a"),
      }),
    );
    const merged = await cdp.PATCH("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path: extPath },
      body: pairs("b"),
    });
    expect(merged.response.status).toBe(400);
    expect(Object.keys(fake.store.orderExtensions.get(orderRef)!.values)).toHaveLength(60);
  });

  it("answers 400 to a request that breaks the spec, and records it", async () => {
    const response = await fetch(`${fake.url}/v2.1/orders`, {
      method: "POST",
      headers: {
        authorization: basicAuthorization(FAKE_CREDENTIALS.clientKey, FAKE_CREDENTIALS.apiToken),
        "content-type": "application/json",
      },
      body: JSON.stringify({ referenceId: "X" }),
    });
    expect(response.status).toBe(400);
    expect(fake.violations).toHaveLength(1);
    expect(fake.violations[0]).toContain("body.orderedAt: is required");
    (fake.violations as string[]).length = 0;
  });

  it("checks answers against the spec's response schemas", async () => {
    const checks = await loadSpecChecks();
    const create = "POST /v2.1/orders";
    expect(checks.answer(create, 201, "application/json", { ref: "not-a-uuid", href: "x" })).toMatch(
      /breaks its schema/,
    );
    expect(checks.answer(create, 204, null, undefined)).toMatch(/does not declare HTTP 204/);
  });

  it("injects a reset after the request took effect: the client cannot know, the order exists", async () => {
    fake.setFaults(({ operation }) => (operation === "POST /v2.1/orders" ? { kind: "reset-after" } : undefined));
    const error = await unwrap(client().POST("/v2.1/orders", { body: orderBody("FAKE-RESET") })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).outcomeUnknown).toBe(true);
    expect(fake.store.ordersWithReferenceId("FAKE-RESET")).toHaveLength(1);
  });

  it("injects 429 with Retry-After without effect", async () => {
    fake.setFaults(() => ({ kind: "status", status: 429, retryAfter: "7" }));
    const error = await unwrap(client().POST("/v2.1/orders", { body: orderBody("FAKE-429") })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers["retry-after"]).toBe("7");
    expect(fake.store.ordersWithReferenceId("FAKE-429")).toHaveLength(0);
  });
});
