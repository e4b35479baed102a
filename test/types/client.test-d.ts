import { describe, expectTypeOf, it } from "vitest";
import { createOrderClient, paginate, type components } from "../../src/index.js";

const client = createOrderClient({ region: "eu", clientKey: "k", apiToken: "t" });
const order = { referenceId: "R-1", orderedAt: "2024-01-01T00:00:00Z", currencyCode: "EUR", price: 1 };
const item = { name: "Mobile AZ10", type: "MOBILE", price: 105, currencyCode: "EUR", status: "CONFIRMED" };
const path = { params: { path: { orderRef: "o1" } } };

describe("options", () => {
  it("takes an option given as undefined, which keeps its default, under exactOptionalPropertyTypes", () => {
    const maybe = undefined as number | undefined;
    void createOrderClient({
      region: "eu",
      clientKey: "k",
      apiToken: "t",
      timeoutMs: maybe,
      logger: undefined,
      retry: { maxRetries: maybe },
    });
    void paginate(client, "/v2.1/orders/{orderRef}/orderItems", path, { concurrency: maybe, signal: undefined });
    // @ts-expect-error: still a number when given
    void createOrderClient({ timeoutMs: "30" });
  });
});

describe("request types", () => {
  it("rejects a path the API does not have", () => {
    // @ts-expect-error: no such path
    void client.GET("/v2.1/order/{orderRef}", path);
  });

  it("rejects a method the path does not have", () => {
    // biome-ignore format: @ts-expect-error covers the one line after it
    // @ts-expect-error: consumers have no PATCH
    void client.PATCH("/v2.1/orderConsumers/{orderConsumerRef}", { params: { path: { orderConsumerRef: "c" } }, body: {} });
  });

  it("takes expand on reading one order item, as Sitecore's page lists it", () => {
    void client.GET("/v2.1/orderItems/{orderItemRef}", {
      params: { path: { orderItemRef: "i" }, query: { expand: true } },
    });
    // biome-ignore format: @ts-expect-error covers the one line after it
    // @ts-expect-error: expand is a boolean
    void client.GET("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef: "i" }, query: { expand: "yes" } } });
  });

  it("requires the path parameters", () => {
    // @ts-expect-error: orderRef is missing
    void client.GET("/v2.1/orders/{orderRef}", { params: { path: {} } });
    void client.GET("/v2.1/orders/{orderRef}", path);
  });

  it("rejects read-only fields in a request body", () => {
    // @ts-expect-error: ref is assigned by the server
    void client.POST("/v2.1/orders", { body: { ...order, ref: "o1" } });
    // biome-ignore format: @ts-expect-error covers the one line after it
    // @ts-expect-error: an order item's createdAt is assigned by the server
    void client.POST("/v2.1/orders/{orderRef}/orderItems", { ...path, body: { ...item, createdAt: "2024-01-01T00:00:00Z" } });
    // An order's may be set (Sitecore's reference lists it in the order body).
    void client.PUT("/v2.1/orders/{orderRef}", { ...path, body: { ...order, createdAt: "2024-01-01T00:00:00Z" } });
  });

  it("lets a consumer link its guest and order items, and a contact its guest only", () => {
    const guest = { href: "https://api-engage-eu.sitecorecloud.io/v2.1/guests/g1" };
    const orderItems = { items: [{ href: "https://api-engage-eu.sitecorecloud.io/v2.1/orderItems/i1" }] };
    void client.POST("/v2.1/orders/{orderRef}/consumers", { ...path, body: { firstName: "Seán", guest, orderItems } });
    void client.PUT("/v2.1/orderConsumers/{orderConsumerRef}", {
      params: { path: { orderConsumerRef: "c" } },
      body: { orderItems },
    });
    // @ts-expect-error: the links go in `items`
    void client.POST("/v2.1/orders/{orderRef}/consumers", { ...path, body: { orderItems: orderItems.items } });
    void client.POST("/v2.1/orders/{orderRef}/contacts", { ...path, body: { firstName: "Ann", guest } });
    // @ts-expect-error: a contact has no order items
    void client.POST("/v2.1/orders/{orderRef}/contacts", { ...path, body: { firstName: "Ann", orderItems } });
    // biome-ignore format: @ts-expect-error covers the one line after it
    // @ts-expect-error: an order item's orderedAt is its order's
    void client.POST("/v2.1/orders/{orderRef}/orderItems", { ...path, body: { ...item, orderedAt: "2024-01-01T00:00:00Z" } });
  });

  it("rejects wrongly typed and unknown enum values", () => {
    // @ts-expect-error: price is a number
    void client.POST("/v2.1/orders", { body: { ...order, price: "1" } });
    // @ts-expect-error: not an order status
    void client.POST("/v2.1/orders", { body: { ...order, status: "SHIPPED" } });
    // biome-ignore format: @ts-expect-error covers the one line after it
    // @ts-expect-error: the only data extension name is ext
    void client.GET("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: { path: { orderRef: "o", dataExtensionName: "other" } } });
  });

  it("requires the create fields but not on a partial update", () => {
    const { price: _price, ...withoutPrice } = order;
    // @ts-expect-error: price is required on create
    void client.POST("/v2.1/orders", { body: withoutPrice });
    void client.PATCH("/v2.1/orders/{orderRef}", { ...path, body: { status: "REFUNDED" } });
    void client.PATCH("/v2.1/orderItems/{orderItemRef}", {
      params: { path: { orderItemRef: "i" } },
      body: { quantity: 2 },
    });
  });

  it("accepts only flat scalar data extension values", () => {
    const params = { path: { orderRef: "o", dataExtensionName: "ext" as const } };
    void client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params,
      body: { a: 1, b: "x", c: true },
    });
    // @ts-expect-error: nested objects are not allowed
    void client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params, body: { a: { b: 1 } } });
  });
});

describe("response types", () => {
  it("types the created order with its server-assigned fields", async () => {
    const { data } = await client.POST("/v2.1/orders", { body: order });
    expectTypeOf(data).toExtend<components["schemas"]["Order"] | undefined>();
    expectTypeOf(data!.ref).toEqualTypeOf<string>();
    expectTypeOf(data!.price).toEqualTypeOf<number>();
  });

  it("types errors with the shared error body", async () => {
    const { error } = await client.GET("/v2.1/orders/{orderRef}", path);
    if (error) expectTypeOf(error.status).toEqualTypeOf<number | string>();
  });

  it("types a delete as having no body", async () => {
    const { data } = await client.DELETE("/v2.1/orders/{orderRef}", path);
    expectTypeOf(data).toEqualTypeOf<never | undefined>();
  });
});
