import { describe, expect, it } from "vitest";
import { prismClient } from "../helpers.js";
import { example, expectNoContent, queryOf, refs } from "./examples.js";

const client = prismClient();
const { orderRef, orderItemRef } = refs;

describe("Order item operations against the mock", () => {
  it("createOrderItem sends the OrderItemRequest example and gets the OrderItem example", async () => {
    const { data, response } = await client.POST("/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef } },
      body: example("OrderItemRequest"),
    });
    expect(response.status).toBe(201);
    expect(data).toEqual(example("OrderItem"));
  });

  it("listOrderItems passes its query through and gets the OrderItemList example", async () => {
    const { data, response } = await client.GET("/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expect(response.status).toBe(200);
    expect(queryOf(response)).toEqual({ expand: "true", limit: "20", offset: "0" });
    expect(data).toEqual(example("OrderItemList"));
  });

  it("retrieveOrderItem gets the OrderItem example", async () => {
    const { data, response } = await client.GET("/v2.1/orderItems/{orderItemRef}", {
      params: { path: { orderItemRef } },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderItem"));
  });

  it("updateOrderItem sends the OrderItemRequest example and gets the OrderItem example", async () => {
    const { data, response } = await client.PUT("/v2.1/orderItems/{orderItemRef}", {
      params: { path: { orderItemRef } },
      body: example("OrderItemRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderItem"));
  });

  it("partiallyUpdateOrderItem sends the OrderItemPatchRequest example and gets the OrderItem example", async () => {
    const { data, response } = await client.PATCH("/v2.1/orderItems/{orderItemRef}", {
      params: { path: { orderItemRef } },
      body: example("OrderItemPatchRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderItem"));
  });

  it("deleteOrderItem answers 204 with no body", async () => {
    await expectNoContent(
      await client.DELETE("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef } } }),
    );
  });
});
