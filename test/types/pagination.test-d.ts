import { describe, expectTypeOf, it } from "vitest";
import {
  createOrderClient,
  paginate,
  type components,
  type ListInit,
  type ListPage,
  type ListPath,
  type ResourceLink,
} from "../../src/index.js";

type Schemas = components["schemas"];
const client = createOrderClient({ region: "eu", clientKey: "k", apiToken: "t" });
const orderRef = "o1";

/** The item type a listing yields. */
type ItemOfListing<L> = L extends AsyncIterable<infer Item> ? Item : never;

describe("list paths", () => {
  it("are exactly the GET operations whose answer is a collection page", () => {
    expectTypeOf<ListPath>().toEqualTypeOf<
      | "/v2.1/orders"
      | "/v2.1/orders/{orderRef}/orderItems"
      | "/v2.1/orders/{orderRef}/contacts"
      | "/v2.1/orders/{orderRef}/consumers"
      | "/v2.1/orderConsumers/{orderConsumerRef}/orderItems"
      | "/v2.1/orders/{orderRef}/extensions"
      | "/v2.1/orderItems/{orderItemRef}/extensions"
    >();
  });

  it("refuses a path that does not list, and a list without its path parameters", () => {
    // @ts-expect-error: retrieving one order is not a list
    paginate(client, "/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    // @ts-expect-error: orderRef is missing
    paginate(client, "/v2.1/orders/{orderRef}/orderItems", { params: { query: { expand: true } } });
  });

  it("refuses a query parameter the operation does not take", () => {
    // biome-ignore format: @ts-expect-error covers the one line after it
    // @ts-expect-error: a consumer's order items have no expand parameter
    paginate(client, "/v2.1/orderConsumers/{orderConsumerRef}/orderItems", { params: { path: { orderConsumerRef: "c" }, query: { expand: true } } });
    // @ts-expect-error: sort takes created or orderedAt
    paginate(client, "/v2.1/orders", { params: { query: { guestRef: "g", sort: "price" } } });
  });

  it("takes a request a helper generic over the list path passes on", () => {
    const listAll = <P extends ListPath>(path: P, init: ListInit<P>) =>
      paginate(client, path, init).collect({ max: 1000 });
    void listAll("/v2.1/orders/{orderRef}/contacts", { params: { path: { orderRef } } });
  });

  it("refuses what the request does not know, next to what it does", () => {
    // biome-ignore format: @ts-expect-error covers the one line after it
    // @ts-expect-error: a consumer's order items have no expand parameter, limit or not
    paginate(client, "/v2.1/orderConsumers/{orderConsumerRef}/orderItems", { params: { path: { orderConsumerRef: "c" }, query: { limit: 50, expand: true } } });
    // @ts-expect-error: a misspelt expand
    paginate(client, "/v2.1/orders", { params: { query: { guestRef: "g", exapnd: true } } });
    // @ts-expect-error: a path parameter of another operation
    paginate(client, "/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef, orderItemRef: "i" } } });
    // biome-ignore format: @ts-expect-error covers the one line after it
    // @ts-expect-error: the signal goes in paginate's options
    paginate(client, "/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef } }, signal: AbortSignal.timeout(1) });
    // biome-ignore format: @ts-expect-error covers the one line after it
    // @ts-expect-error: a listing sends its params only
    paginate(client, "/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef } }, headers: { "x-trace": "1" } });
    const wider: ListInit<"/v2.1/orders/{orderRef}/orderItems"> & { signal?: AbortSignal } = {
      params: { path: { orderRef } },
    };
    // @ts-expect-error: a declared request wider than ListInit, with a signal it would leave behind
    paginate(client, "/v2.1/orders/{orderRef}/orderItems", wider);
  });
});

describe("item types follow expand", () => {
  it("expand: true yields full objects on every list that takes expand", () => {
    const orders = paginate(client, "/v2.1/orders", { params: { query: { guestRef: "g", expand: true } } });
    expectTypeOf<ItemOfListing<typeof orders>>().toEqualTypeOf<Schemas["Order"]>();
    const items = paginate(client, "/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef }, query: { expand: true, limit: 100 } },
    });
    expectTypeOf<ItemOfListing<typeof items>>().toEqualTypeOf<Schemas["OrderItem"]>();
    const contacts = paginate(client, "/v2.1/orders/{orderRef}/contacts", {
      params: { path: { orderRef }, query: { expand: true } },
    });
    expectTypeOf<ItemOfListing<typeof contacts>>().toEqualTypeOf<Schemas["OrderContact"]>();
    const consumers = paginate(client, "/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef }, query: { expand: true } },
    });
    expectTypeOf<ItemOfListing<typeof consumers>>().toEqualTypeOf<Schemas["OrderConsumer"]>();
    const orderExtensions = paginate(client, "/v2.1/orders/{orderRef}/extensions", {
      params: { path: { orderRef }, query: { expand: true } },
    });
    expectTypeOf<ItemOfListing<typeof orderExtensions>>().toEqualTypeOf<Schemas["OrderDataExtension"]>();
    const itemExtensions = paginate(client, "/v2.1/orderItems/{orderItemRef}/extensions", {
      params: { path: { orderItemRef: "i" }, query: { expand: true } },
    });
    expectTypeOf<ItemOfListing<typeof itemExtensions>>().toEqualTypeOf<Schemas["OrderItemDataExtension"]>();
  });

  it("without expand, or with expand: false, yields links", () => {
    const plain = paginate(client, "/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef } } });
    expectTypeOf<ItemOfListing<typeof plain>>().toEqualTypeOf<ResourceLink>();
    const notExpanded = paginate(client, "/v2.1/orders", {
      params: { query: { referenceId: "r", expand: false, limit: 50 } },
    });
    expectTypeOf<ItemOfListing<typeof notExpanded>>().toEqualTypeOf<ResourceLink>();
    const consumerItems = paginate(client, "/v2.1/orderConsumers/{orderConsumerRef}/orderItems", {
      params: { path: { orderConsumerRef: "c" } },
    });
    expectTypeOf<ItemOfListing<typeof consumerItems>>().toEqualTypeOf<ResourceLink>();
  });

  it("with expand only known to be a boolean, yields either", () => {
    const expand = Math.random() > 0.5;
    const either = paginate(client, "/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef }, query: { expand } },
    });
    expectTypeOf<ItemOfListing<typeof either>>().toEqualTypeOf<Schemas["OrderItem"] | ResourceLink>();
    const declared: ListInit<"/v2.1/orders/{orderRef}/contacts"> = { params: { path: { orderRef } } };
    const fromDeclared = paginate(client, "/v2.1/orders/{orderRef}/contacts", declared);
    expectTypeOf<ItemOfListing<typeof fromDeclared>>().toEqualTypeOf<Schemas["OrderContact"] | ResourceLink>();
  });

  it("a full item has the fields a link lacks; a link has only href and ref", async () => {
    for await (const item of paginate(client, "/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef }, query: { expand: true } },
    })) {
      expectTypeOf(item.name).toEqualTypeOf<string>();
      expectTypeOf(item.ref).toEqualTypeOf<string>();
    }
    for await (const link of paginate(client, "/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef } },
    })) {
      expectTypeOf(link.href).toEqualTypeOf<string>();
      expectTypeOf(link.ref).toEqualTypeOf<string | undefined>();
      // @ts-expect-error: a link has no name
      void link.name;
    }
  });
});

describe("pages and collect", () => {
  it("pages() yields envelopes whose items follow expand", async () => {
    const listing = paginate(client, "/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef }, query: { expand: true } },
    });
    for await (const page of listing.pages()) {
      expectTypeOf(page).toEqualTypeOf<ListPage<"/v2.1/orders/{orderRef}/orderItems", Schemas["OrderItem"]>>();
      expectTypeOf(page.items).toEqualTypeOf<Schemas["OrderItem"][]>();
      expectTypeOf(page.offset).toEqualTypeOf<number>();
      expectTypeOf(page.next).toEqualTypeOf<Schemas["Link"] | undefined>();
    }
  });

  it("collect needs a max and resolves to the item array", async () => {
    const listing = paginate(client, "/v2.1/orders/{orderRef}/consumers", { params: { path: { orderRef } } });
    expectTypeOf(await listing.collect({ max: 500 })).toEqualTypeOf<ResourceLink[]>();
    // @ts-expect-error: max is required
    void listing.collect({});
    // @ts-expect-error: max is required
    void listing.collect();
  });

  it("takes concurrency and a signal", () => {
    paginate(
      client,
      "/v2.1/orders",
      { params: { query: { guestRef: "g" } } },
      { concurrency: 8, signal: AbortSignal.timeout(1000) },
    );
    // @ts-expect-error: concurrency is a number
    paginate(client, "/v2.1/orders", { params: { query: { guestRef: "g" } } }, { concurrency: "8" });
  });
});
