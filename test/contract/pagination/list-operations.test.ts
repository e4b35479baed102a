// Every list operation through the pagination helpers, against Prism and against the fake.
// Prism answers with the spec's single-page examples, whose links point to the EU
// production host; the fake answers with what the test created, one page here too. Links
// are only read when a page has `next`, so these listings end after one request.
import { expect, it } from "vitest";
import { paginate } from "../../../src/index.js";
import { example } from "../examples.js";
import { expectSent } from "../support/sent.js";
import { type ContractTarget, describeTarget, TARGETS } from "../support/targets.js";

/** Prism: the example's items; the fake: exactly these, each matched on the fields given. */
function expectItems(target: ContractTarget, items: unknown[], answers: { example: unknown[]; stateful: object[] }) {
  if (target.stateful) expect(items).toMatchObject(answers.stateful);
  else expect(items).toEqual(answers.example);
}

for (const definition of TARGETS) {
  describeTarget(definition, `Pagination helpers against ${definition.name}`, (target) => {
    it("listOrders by referenceId, expanded: items, pages and collect give the orders", async () => {
      const { orderRef } = await target.given.order();
      const listing = paginate(target.client, "/v2.1/orders", {
        params: { query: { referenceId: "B94TXY-1", expand: true } },
      });
      const items = [];
      for await (const order of listing) items.push(order);
      const pages = [];
      for await (const page of listing.pages()) pages.push(page);
      const collected = await listing.collect({ max: 10 });

      const request = {
        method: "GET",
        path: "/v2.1/orders",
        params: { query: { referenceId: "B94TXY-1", expand: "true", offset: "0", limit: "100" } },
      } as const;
      expectSent(target, request, request, request);
      const expected = {
        example: example("OrderList").items,
        stateful: [{ ...example("OrderRequest"), ref: orderRef }],
      };
      expectItems(target, items, expected);
      expectItems(target, collected, expected);
      expect(pages.flatMap((page) => page.items)).toEqual(items);
      if (!target.stateful) expect(pages).toEqual([example("OrderList")]);
    });

    it("listOrders by guestRef, sorted, gives the guest's orders in one request", async () => {
      const { orderRef, guestRef } = await target.given.orderContact();
      const query = { guestRef, sort: "orderedAt", expand: true, limit: 50 } as const;
      const orders = await paginate(target.client, "/v2.1/orders", { params: { query } }).collect({ max: 100 });
      expectSent(target, {
        method: "GET",
        path: "/v2.1/orders",
        params: { query: { guestRef, sort: "orderedAt", expand: "true", limit: "50", offset: "0" } },
      });
      expectItems(target, orders, {
        example: example("OrderList").items,
        stateful: [{ ...example("OrderRequest"), ref: orderRef }],
      });
    });

    it("listOrderItems, expanded, gives the order items", async () => {
      const { orderRef, orderItemRef } = await target.given.orderItem();
      const items = await paginate(target.client, "/v2.1/orders/{orderRef}/orderItems", {
        params: { path: { orderRef }, query: { expand: true } },
      }).collect({ max: 100 });
      expectSent(target, {
        method: "GET",
        path: "/v2.1/orders/{orderRef}/orderItems",
        params: { path: { orderRef }, query: { expand: "true", offset: "0", limit: "100" } },
      });
      expectItems(target, items, {
        example: example("OrderItemList").items,
        stateful: [{ ...example("OrderItemRequest"), ref: orderItemRef }],
      });
      if (!target.stateful) expect(items.map((item) => item.name)).toEqual(["Mobile AZ10", "Extended warranty"]);
    });

    it("listOrderContacts, expanded, gives the order contacts", async () => {
      const { orderRef, orderContactRef } = await target.given.orderContact();
      const contacts = await paginate(target.client, "/v2.1/orders/{orderRef}/contacts", {
        params: { path: { orderRef }, query: { expand: true } },
      }).collect({ max: 100 });
      expectSent(target, {
        method: "GET",
        path: "/v2.1/orders/{orderRef}/contacts",
        params: { path: { orderRef }, query: { expand: "true", offset: "0", limit: "100" } },
      });
      expectItems(target, contacts, {
        example: example("OrderContactList").items,
        stateful: [{ ...example("OrderContactRequest"), ref: orderContactRef }],
      });
    });

    it("listOrderConsumers gives the order consumers' links", async () => {
      const { orderRef, orderConsumerRef } = await target.given.orderConsumer();
      const consumers = await paginate(target.client, "/v2.1/orders/{orderRef}/consumers", {
        params: { path: { orderRef } },
      }).collect({ max: 100 });
      expectSent(target, {
        method: "GET",
        path: "/v2.1/orders/{orderRef}/consumers",
        params: { path: { orderRef }, query: { offset: "0", limit: "100" } },
      });
      expectItems(target, consumers, {
        example: example("OrderConsumerList").items,
        stateful: [{ ref: orderConsumerRef, href: expect.stringMatching(`/v2.1/orderConsumers/${orderConsumerRef}$`) }],
      });
    });

    it("listOrderConsumerOrderItems gives the consumer's order item links", async () => {
      const { orderConsumerRef } = await target.given.orderConsumer();
      const links = await paginate(target.client, "/v2.1/orderConsumers/{orderConsumerRef}/orderItems", {
        params: { path: { orderConsumerRef } },
      }).collect({ max: 100 });
      expectSent(target, {
        method: "GET",
        path: "/v2.1/orderConsumers/{orderConsumerRef}/orderItems",
        params: { path: { orderConsumerRef }, query: { offset: "0", limit: "100" } },
      });
      // The API has no way to link a consumer to order items: a consumer the fake holds has none.
      expectItems(target, links, { example: example("OrderItemLinkList").items, stateful: [] });
    });

    it("listOrderDataExtensions gives the order's data extension link, in one page", async () => {
      const { orderRef } = await target.given.orderDataExtension();
      const pages = [];
      for await (const page of paginate(target.client, "/v2.1/orders/{orderRef}/extensions", {
        params: { path: { orderRef } },
      }).pages()) {
        pages.push(page);
      }
      expectSent(target, {
        method: "GET",
        path: "/v2.1/orders/{orderRef}/extensions",
        params: { path: { orderRef }, query: { offset: "0", limit: "100" } },
      });
      if (target.stateful) {
        expect(pages).toMatchObject([{ name: "ext", offset: 0, limit: 100, items: [{ ref: expect.any(String) }] }]);
        expect(pages[0]?.items[0]?.href).toMatch(new RegExp(`/v2.1/orders/${orderRef}/extensions/ext$`));
      } else expect(pages).toEqual([example("OrderDataExtensionList")]);
    });

    it("listOrderItemDataExtensions gives the order item's data extension link", async () => {
      const { orderItemRef } = await target.given.orderItemDataExtension();
      const extensions = await paginate(target.client, "/v2.1/orderItems/{orderItemRef}/extensions", {
        params: { path: { orderItemRef } },
      }).collect({ max: 100 });
      expectSent(target, {
        method: "GET",
        path: "/v2.1/orderItems/{orderItemRef}/extensions",
        params: { path: { orderItemRef }, query: { offset: "0", limit: "100" } },
      });
      expectItems(target, extensions, {
        example: example("OrderItemDataExtensionList").items,
        stateful: [{ href: expect.stringMatching(`/v2.1/orderItems/${orderItemRef}/extensions/ext$`) }],
      });
    });
  });
}
