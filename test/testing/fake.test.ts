// The in-memory fake through the client, as a user's test drives it: state across the
// operations, lists, look-ups, deletes, the store and reset (rules.test.ts: its rules and checks).
import { NotFoundError, paginate, unwrap } from "sitecore-cdp-orders";
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
