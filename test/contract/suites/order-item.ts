import { expect, it } from "vitest";
import { example, expectNoContent } from "../examples.js";
import { expectAnswer, expectSent } from "../support/sent.js";
import type { ContractTarget } from "../support/targets.js";

/** Order item operations, as one target answers them. */
export function orderItemOperations(target: ContractTarget): void {
  it("createOrderItem sends the OrderItemRequest example and gets the order item", async () => {
    const { orderRef } = await target.given.order();
    const { data, response } = await target.client.POST("/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef } },
      body: example("OrderItemRequest"),
    });
    expectSent(target, {
      method: "POST",
      path: "/v2.1/orders/{orderRef}/orderItems",
      params: { path: { orderRef } },
      body: example("OrderItemRequest"),
    });
    expect(response.status).toBe(201);
    expectAnswer(target, data, {
      example: example("OrderItem"),
      stateful: { ...example("OrderItemRequest"), order: { href: expect.stringMatching(`/v2.1/orders/${orderRef}$`) } },
    });
  });

  it("listOrderItems passes its query through and gets the order items", async () => {
    const { orderRef, orderItemRef } = await target.given.orderItem();
    const { data, response } = await target.client.GET("/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orders/{orderRef}/orderItems",
      params: { path: { orderRef }, query: { expand: "true", limit: "20", offset: "0" } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderItemList"),
      stateful: { offset: 0, limit: 20, items: [{ ...example("OrderItemRequest"), ref: orderItemRef }] },
    });
  });

  it("retrieveOrderItem gets the order item", async () => {
    const { orderItemRef } = await target.given.orderItem();
    const { data, response } = await target.client.GET("/v2.1/orderItems/{orderItemRef}", {
      params: { path: { orderItemRef } },
    });
    expectSent(target, { method: "GET", path: "/v2.1/orderItems/{orderItemRef}", params: { path: { orderItemRef } } });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderItem"),
      stateful: { ...example("OrderItemRequest"), ref: orderItemRef },
    });
  });

  it("updateOrderItem sends the whole order item and gets it back", async () => {
    const { orderItemRef } = await target.given.orderItem();
    const body = { ...example("OrderItemRequest"), quantity: 3 };
    const { data, response } = await target.client.PUT("/v2.1/orderItems/{orderItemRef}", {
      params: { path: { orderItemRef } },
      body,
    });
    expectSent(target, {
      method: "PUT",
      path: "/v2.1/orderItems/{orderItemRef}",
      params: { path: { orderItemRef } },
      body,
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, { example: example("OrderItem"), stateful: { ...body, ref: orderItemRef } });
  });

  it("partiallyUpdateOrderItem sends the OrderItemPatchRequest example and gets the order item", async () => {
    const { orderItemRef } = await target.given.orderItem();
    const { data, response } = await target.client.PATCH("/v2.1/orderItems/{orderItemRef}", {
      params: { path: { orderItemRef } },
      body: example("OrderItemPatchRequest"),
    });
    expectSent(target, {
      method: "PATCH",
      path: "/v2.1/orderItems/{orderItemRef}",
      params: { path: { orderItemRef } },
      body: example("OrderItemPatchRequest"),
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderItem"),
      stateful: { ...example("OrderItemRequest"), ...example("OrderItemPatchRequest"), ref: orderItemRef },
    });
  });

  it("deleteOrderItem answers 204 with no body", async () => {
    const { orderItemRef } = await target.given.orderItem();
    const result = await target.client.DELETE("/v2.1/orderItems/{orderItemRef}", {
      params: { path: { orderItemRef } },
    });
    expectSent(target, {
      method: "DELETE",
      path: "/v2.1/orderItems/{orderItemRef}",
      params: { path: { orderItemRef } },
    });
    await expectNoContent(result);
  });
}
