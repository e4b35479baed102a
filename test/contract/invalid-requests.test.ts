// Requests that break the spec. Prism must refuse each with 400 and name the broken rule
// in its `sl-violations` header. `as never` marks the cases the generated types already
// refuse; the others (reserved types, lengths, key patterns, bounds) only the spec knows.
import { describe, expect, inject, it } from "vitest";
import { prismClient } from "../helpers.js";
import { example, expectRejected, refs, violations } from "./examples.js";

// Client-side validation is off here: these requests must reach Prism, which checks them against the same spec.
const client = prismClient({ validateRequests: false });
const { orderRef } = refs;

function createOrderItem(changes: { name?: string; type?: string }) {
  return client.POST("/v2.1/orders/{orderRef}/orderItems", {
    params: { path: { orderRef } },
    body: { ...example("OrderItemRequest"), ...changes },
  });
}

describe("Order item", () => {
  it.each(["FLIGHT", "RAIL"])("createOrderItem rejects the reserved type %s", async (type) => {
    expectRejected(await createOrderItem({ type }), { location: ["request", "body", "type"], code: "not" });
  });

  it("createOrderItem rejects a name of 129 characters", async () => {
    expectRejected(await createOrderItem({ name: "n".repeat(129) }), {
      location: ["request", "body", "name"],
      code: "maxLength",
    });
  });

  it("createOrderItem accepts a name of 128 characters", async () => {
    const result = await createOrderItem({ name: "n".repeat(128) });
    expect(result.response.status).toBe(201);
    expect(violations(result.response)).toEqual([]);
    expect(result.data).toEqual(example("OrderItem"));
  });

  it.each([
    [500, "maximum"],
    [5, "minimum"],
  ] as const)("listOrderItems rejects limit=%i (%s)", async (limit, code) => {
    const result = await client.GET("/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef }, query: { limit } },
    });
    expectRejected(result, { location: ["request", "query", "limit"], code });
  });
});

describe("Order", () => {
  it("createOrder rejects an order without price", async () => {
    const { price: _price, ...withoutPrice } = example("OrderRequest");
    const result = await client.POST("/v2.1/orders", { body: withoutPrice as never });
    expectRejected(result, {
      location: ["request", "body"],
      code: "required",
      message: expect.stringContaining("'price'"),
    });
  });
});

describe("Order data extension", () => {
  const path = { orderRef, dataExtensionName: "ext" } as const;

  it("createOrderDataExtension rejects a nested object value", async () => {
    const body = { ...example("OrderDataExtensionRequest"), store: { city: "London" } };
    const result = await client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: body as never,
    });
    expectRejected(result, { location: ["request", "body", "store"], code: "type" });
  });

  it("createOrderDataExtension rejects a key that is not camelCase alphanumeric", async () => {
    const body = { ...example("OrderDataExtensionRequest"), "Bad Key": 1 };
    const result = await client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
      body,
    });
    // Prism reports the broken propertyNames rule on the body, without naming the key.
    expectRejected(
      result,
      { location: ["request", "body"], code: "pattern", message: expect.stringContaining("^[a-z][a-zA-Z0-9]*$") },
      { location: ["request", "body"], code: "propertyNames" },
    );
  });

  it("retrieveOrderDataExtension rejects a data extension other than ext", async () => {
    const result = await client.GET("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path: { orderRef, dataExtensionName: "other" as never } },
    });
    // Prism lower-cases path parameter names in its violations.
    expectRejected(result, {
      location: ["request", "path", "dataextensionname"],
      code: "enum",
      message: expect.stringContaining("ext"),
    });
  });
});

describe("Order contact and consumer", () => {
  it("createOrderContact rejects gender x", async () => {
    const result = await client.POST("/v2.1/orders/{orderRef}/contacts", {
      params: { path: { orderRef } },
      body: { ...example("OrderContactRequest"), gender: "x" } as never,
    });
    expectRejected(result, { location: ["request", "body", "gender"], code: "enum" });
  });

  it("createOrderConsumer rejects an identifier without id", async () => {
    const result = await client.POST("/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef } },
      body: { ...example("OrderConsumerRequest"), identifiers: [{ provider: "ProfileSystem" }] } as never,
    });
    expectRejected(result, {
      location: ["request", "body", "identifiers", "0"],
      code: "required",
      message: expect.stringContaining("'id'"),
    });
  });
});

describe("Credentials", () => {
  it("retrieveOrder without credentials answers 401 with the UnauthorizedError example", async () => {
    // Plain fetch: the typed client always sends the Authorization header.
    const response = await fetch(`${inject("prismUrl")}/v2.1/orders/${orderRef}`, {
      headers: { Accept: "application/json" },
    });
    expect(response.status).toBe(401);
    expect(violations(response)).toEqual([expect.objectContaining({ location: ["request"], code: 401 })]);
    expect(await response.json()).toEqual(example("UnauthorizedError"));
  });
});
