import { expect, it } from "vitest";
import { example, expectNoContent } from "../examples.js";
import { expectAnswer, expectSent } from "../support/sent.js";
import type { ContractTarget } from "../support/targets.js";

const order = {
  referenceId: "B94TXY-1",
  orderedAt: "2024-01-01T16:17:16Z",
  currencyCode: "EUR",
  price: 50,
  channel: "WEB",
  status: "PURCHASED",
} as const;

/** Order operations, as one target answers them. */
export function orderOperations(target: ContractTarget): void {
  it("createOrder answers 201 with the order and its ref", async () => {
    const { data, response } = await target.client.POST("/v2.1/orders", { body: order });
    expectSent(target, { method: "POST", path: "/v2.1/orders", body: order });
    expect(response.status).toBe(201);
    expect(data?.ref).toMatch(/^[0-9a-f-]{36}$/);
    expect(data?.referenceId).toBe("B94TXY-1");
  });

  it("createOrder sends the OrderRequest example and gets the order", async () => {
    const { data, response } = await target.client.POST("/v2.1/orders", { body: example("OrderRequest") });
    expectSent(target, { method: "POST", path: "/v2.1/orders", body: example("OrderRequest") });
    expect(response.status).toBe(201);
    expectAnswer(target, data, { example: example("Order"), stateful: example("OrderRequest") });
  });

  it("listOrders passes its query through and gets the orders", async () => {
    const { orderRef } = await target.given.order();
    const query = { referenceId: "B94TXY-1", sort: "created", expand: true, offset: 0, limit: 20 } as const;
    const { data, response } = await target.client.GET("/v2.1/orders", { params: { query } });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orders",
      params: { query: { referenceId: "B94TXY-1", sort: "created", expand: "true", offset: "0", limit: "20" } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderList"),
      stateful: {
        offset: 0,
        limit: 20,
        items: expect.arrayContaining([expect.objectContaining({ ...example("OrderRequest"), ref: orderRef })]),
      },
    });
  });

  it("retrieveOrder gets the order", async () => {
    const { orderRef } = await target.given.order();
    const { data, response } = await target.client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    expectSent(target, { method: "GET", path: "/v2.1/orders/{orderRef}", params: { path: { orderRef } } });
    expect(response.status).toBe(200);
    expectAnswer(target, data, { example: example("Order"), stateful: { ...example("OrderRequest"), ref: orderRef } });
  });

  it("updateOrder sends the whole order and gets it back", async () => {
    const { orderRef } = await target.given.order();
    const body = { ...example("OrderRequest"), price: 45, status: "CONFIRMED" } as const;
    const { data, response } = await target.client.PUT("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef } },
      body,
    });
    expectSent(target, { method: "PUT", path: "/v2.1/orders/{orderRef}", params: { path: { orderRef } }, body });
    expect(response.status).toBe(200);
    expectAnswer(target, data, { example: example("Order"), stateful: { ...body, ref: orderRef } });
  });

  it("partiallyUpdateOrder sends the OrderPatchRequest example and gets the order", async () => {
    const { orderRef } = await target.given.order();
    const { data, response } = await target.client.PATCH("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef } },
      body: example("OrderPatchRequest"),
    });
    expectSent(target, {
      method: "PATCH",
      path: "/v2.1/orders/{orderRef}",
      params: { path: { orderRef } },
      body: example("OrderPatchRequest"),
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("Order"),
      stateful: { ...example("OrderRequest"), ...example("OrderPatchRequest"), ref: orderRef },
    });
  });

  it("deleteOrder answers 204 with no body", async () => {
    const { orderRef } = await target.given.order();
    const result = await target.client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    expectSent(target, { method: "DELETE", path: "/v2.1/orders/{orderRef}", params: { path: { orderRef } } });
    await expectNoContent(result);
  });
}
