// Every list operation through the pagination helpers against the Prism mock. Prism answers
// with the spec's single-page examples, whose links point to the EU production host: links
// are only read when a page has `next`, so these listings end after one request.
import { describe, expect, it } from "vitest";
import { paginate, type OrderClient } from "../../../src/index.js";
import { prismClient } from "../../helpers.js";
import { example, refs } from "../examples.js";

const { orderRef, orderItemRef, orderConsumerRef } = refs;

/** A Prism client that records the query of every request it sends. */
function recordingClient(): { client: OrderClient; queries: Record<string, string>[] } {
  const queries: Record<string, string>[] = [];
  const client = prismClient({
    fetch: (request) => {
      queries.push(Object.fromEntries(new URL(request.url).searchParams));
      return globalThis.fetch(request);
    },
  });
  return { client, queries };
}

describe("Pagination helpers against the mock", () => {
  it("listOrders by referenceId, expanded: items, pages and collect give the OrderList example", async () => {
    const { client, queries } = recordingClient();
    const listing = paginate(client, "/v2.1/orders", { params: { query: { referenceId: "B94TXY-1", expand: true } } });
    const items = [];
    for await (const order of listing) items.push(order);
    expect(items).toEqual(example("OrderList").items);
    const pages = [];
    for await (const page of listing.pages()) pages.push(page);
    expect(pages).toEqual([example("OrderList")]);
    expect(await listing.collect({ max: 10 })).toEqual(example("OrderList").items);
    expect(queries).toEqual(Array(3).fill({ referenceId: "B94TXY-1", expand: "true", offset: "0", limit: "100" }));
  });

  it("listOrders by guestRef, sorted, gives the OrderList example in one request", async () => {
    const { client, queries } = recordingClient();
    const query = {
      guestRef: "2d7de9df-45a2-45ea-872c-30e45139007d",
      sort: "orderedAt",
      expand: true,
      limit: 50,
    } as const;
    const orders = await paginate(client, "/v2.1/orders", { params: { query } }).collect({ max: 100 });
    expect(orders).toEqual(example("OrderList").items);
    expect(queries).toEqual([{ ...query, expand: "true", limit: "50", offset: "0" }]);
  });

  it("listOrderItems, expanded, gives the OrderItemList example's items", async () => {
    const { client, queries } = recordingClient();
    const listing = paginate(client, "/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef }, query: { expand: true } },
    });
    const items = await listing.collect({ max: 100 });
    expect(items).toEqual(example("OrderItemList").items);
    expect(items.map((item) => item.name)).toEqual(["Mobile AZ10", "Extended warranty"]);
    expect(queries).toHaveLength(1);
  });

  it("listOrderContacts, expanded, gives the OrderContactList example's items", async () => {
    const { client } = recordingClient();
    const contacts = await paginate(client, "/v2.1/orders/{orderRef}/contacts", {
      params: { path: { orderRef }, query: { expand: true } },
    }).collect({ max: 100 });
    expect(contacts).toEqual(example("OrderContactList").items);
  });

  it("listOrderConsumers gives the OrderConsumerList example's links", async () => {
    const { client } = recordingClient();
    const consumers = await paginate(client, "/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef } },
    }).collect({ max: 100 });
    expect(consumers).toEqual(example("OrderConsumerList").items);
  });

  it("listOrderConsumerOrderItems gives the OrderItemLinkList example's links", async () => {
    const { client, queries } = recordingClient();
    const links = await paginate(client, "/v2.1/orderConsumers/{orderConsumerRef}/orderItems", {
      params: { path: { orderConsumerRef } },
    }).collect({ max: 100 });
    expect(links).toEqual(example("OrderItemLinkList").items);
    expect(queries).toEqual([{ offset: "0", limit: "100" }]);
  });

  it("listOrderDataExtensions gives the OrderDataExtensionList example's links", async () => {
    const { client } = recordingClient();
    const pages = [];
    for await (const page of paginate(client, "/v2.1/orders/{orderRef}/extensions", {
      params: { path: { orderRef } },
    }).pages()) {
      pages.push(page);
    }
    expect(pages).toEqual([example("OrderDataExtensionList")]);
  });

  it("listOrderItemDataExtensions gives the OrderItemDataExtensionList example's links", async () => {
    const { client } = recordingClient();
    const extensions = await paginate(client, "/v2.1/orderItems/{orderItemRef}/extensions", {
      params: { path: { orderItemRef } },
    }).collect({ max: 100 });
    expect(extensions).toEqual(example("OrderItemDataExtensionList").items);
  });
});
