// The in-memory fake through the client, as a user's test drives it: state across the
// operations, the API's rules, spec checks on requests, and Basic auth.
import {
  AuthenticationError,
  BadRequestError,
  createOrderClient,
  NotFoundError,
  paginate,
  unwrap,
} from "sitecore-cdp-orders";
import { createFakeCdp } from "sitecore-cdp-orders/testing";
import { describe, expect, it } from "vitest";
import { BASE_URL, fakeClient, itemBody, orderBody } from "./fake-client.js";

describe("the fake's state", () => {
  it("reads back what was created, with refs and hrefs on the client's base URL", async () => {
    const { cdp } = fakeClient({ baseUrl: "https://tenant.example/cdp" });
    const created = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("READ-1") }));
    expect(created.href).toBe(`https://tenant.example/cdp/v2.1/orders/${created.ref}`);
    const read = await unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: created.ref } } }));
    expect(read).toEqual(created);
    expect(read).toMatchObject(orderBody("READ-1"));

    const item = await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/orderItems", {
        params: { path: { orderRef: created.ref } },
        body: itemBody("READ-1-A"),
      }),
    );
    const readItem = await unwrap(
      cdp.GET("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef: item.ref } } }),
    );
    expect(readItem).toMatchObject({ ...itemBody("READ-1-A"), order: { href: created.href } });
  });

  it("answers NotFoundError for what was deleted, and for refs it never gave", async () => {
    const { cdp } = fakeClient();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("GONE-1") }));
    await unwrap(cdp.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }));
    await expect(unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      unwrap(cdp.GET("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef: "no-such-item" } } })),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deletes an order's items, contacts, consumers and data extensions with it", async () => {
    const { cdp, fake } = fakeClient();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("CASCADE-1") }));
    const path = { orderRef };
    const item = await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path }, body: itemBody("CASCADE-1-A") }),
    );
    const contact = await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/contacts", { params: { path }, body: { emails: ["ann@example.com"] } }),
    );
    await unwrap(cdp.POST("/v2.1/orders/{orderRef}/consumers", { params: { path }, body: { firstName: "Bob" } }));
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
    expect(fake.store.counts()).toEqual({ orders: 1, items: 1, contacts: 1, consumers: 1, extensions: 2 });
    expect(fake.store.order(orderRef)).toMatchObject({
      extension: { tier: "gold" },
      items: [{ ref: item.ref, extension: { giftWrap: true } }],
      contacts: [{ ref: contact.ref, fields: { emails: ["ann@example.com"] } }],
      consumers: [{ fields: { firstName: "Bob" } }],
    });

    await unwrap(cdp.DELETE("/v2.1/orders/{orderRef}", { params: { path } }));
    expect(fake.store.counts()).toEqual({ orders: 0, items: 0, contacts: 0, consumers: 0, extensions: 0 });
    const itemPath = { orderItemRef: item.ref };
    await expect(
      unwrap(cdp.GET("/v2.1/orderItems/{orderItemRef}", { params: { path: itemPath } })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      unwrap(cdp.GET("/v2.1/orderContacts/{orderContactRef}", { params: { path: { orderContactRef: contact.ref } } })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      unwrap(
        cdp.GET("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
          params: { path: { ...itemPath, dataExtensionName: "ext" } },
        }),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each([1, 8])(
    "lists 250 created items in creation order through paginate at concurrency %i",
    async (concurrency) => {
      const { cdp } = fakeClient();
      const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("MANY-1") }));
      const referenceIds = Array.from({ length: 250 }, (_, i) => `MANY-1-${String(i + 1).padStart(3, "0")}`);
      for (const referenceId of referenceIds)
        await unwrap(
          cdp.POST("/v2.1/orders/{orderRef}/orderItems", {
            params: { path: { orderRef } },
            body: itemBody(referenceId),
          }),
        );
      const listed = await paginate(
        cdp,
        "/v2.1/orders/{orderRef}/orderItems",
        { params: { path: { orderRef }, query: { expand: true, limit: 10 } } },
        { concurrency },
      ).collect({ max: 1000 });
      expect(listed.map((item) => item.referenceId)).toEqual(referenceIds);
    },
  );

  it("pages with offset, limit, first, last and next, and links unless expand=true", async () => {
    const { cdp } = fakeClient();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("PAGES-1") }));
    for (let i = 0; i < 25; i++)
      await unwrap(
        cdp.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef } }, body: itemBody(`P-${i}`) }),
      );
    const pageAt = (offset: number) =>
      unwrap(
        cdp.GET("/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef }, query: { offset, limit: 10 } } }),
      );
    const first = await pageAt(0);
    const listUrl = `${BASE_URL}/v2.1/orders/${orderRef}/orderItems`;
    expect(first).toMatchObject({
      offset: 0,
      limit: 10,
      first: { href: `${listUrl}?offset=0&limit=10` },
      last: { href: `${listUrl}?offset=20&limit=10` },
      next: { href: `${listUrl}?offset=10&limit=10` },
    });
    expect(Object.keys(first.items[0]!).sort()).toEqual(["href", "ref"]);
    const last = await pageAt(20);
    expect(last.items).toHaveLength(5);
    expect(last.next).toBeUndefined();
  });

  it("finds orders by referenceId and by the guest their contact resolved to", async () => {
    const { cdp } = fakeClient();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("FIND-1") }));
    const contact = await unwrap(
      cdp.POST("/v2.1/orders/{orderRef}/contacts", {
        params: { path: { orderRef } },
        body: { identifiers: [{ provider: "shop", id: "ann" }] },
      }),
    );
    const guestRef = contact.guest!.href.split("/").pop()!;
    const byReference = await unwrap(cdp.GET("/v2.1/orders", { params: { query: { referenceId: "FIND-1" } } }));
    const byGuest = await unwrap(cdp.GET("/v2.1/orders", { params: { query: { guestRef } } }));
    expect(byReference.items.map((o) => o.ref)).toEqual([orderRef]);
    expect(byGuest.items.map((o) => o.ref)).toEqual([orderRef]);
  });
});

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

describe("store and reset", () => {
  it("gives frozen copies that changing the fake does not change", async () => {
    const { cdp, fake } = fakeClient();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("FROZEN-1") }));
    const before = fake.store.order(orderRef)!;
    expect(Object.isFrozen(before) && Object.isFrozen(before.fields) && Object.isFrozen(before.items)).toBe(true);
    expect(() => {
      (before.fields as Record<string, unknown>).price = 1;
    }).toThrow(TypeError);
    await unwrap(cdp.PATCH("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, body: { price: 99 } }));
    expect(before.fields.price).toBe(50);
    expect(fake.store.order(orderRef)!.fields.price).toBe(99);
  });

  it("empties the store and removes every fault on reset()", async () => {
    const { cdp, fake } = fakeClient();
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("RESET-1") }));
    fake.fail({ kind: "status", status: 503 });
    fake.reset();
    expect(fake.store.orders()).toEqual([]);
    await expect(unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await unwrap(cdp.POST("/v2.1/orders", { body: orderBody("RESET-2") }));
    expect(fake.store.orders().map((o) => o.fields.referenceId)).toEqual(["RESET-2"]);
  });
});
