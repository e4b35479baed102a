import { expect, it } from "vitest";
import { example, expectNoContent } from "../examples.js";
import { expectAnswer, expectSent } from "../support/sent.js";
import type { ContractTarget } from "../support/targets.js";

/** Order consumer operations, as one target answers them. */
export function orderConsumerOperations(target: ContractTarget): void {
  it("createOrderConsumer sends the OrderConsumerRequest example and gets the order consumer", async () => {
    const { orderRef } = await target.given.order();
    const { data, response } = await target.client.POST("/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef } },
      body: example("OrderConsumerRequest"),
    });
    expectSent(target, {
      method: "POST",
      path: "/v2.1/orders/{orderRef}/consumers",
      params: { path: { orderRef } },
      body: example("OrderConsumerRequest"),
    });
    expect(response.status).toBe(201);
    expectAnswer(target, data, {
      example: example("OrderConsumer"),
      stateful: {
        ...example("OrderConsumerRequest"),
        order: { href: expect.stringMatching(`/v2.1/orders/${orderRef}$`) },
      },
    });
  });

  it("createOrderConsumer links the consumer to its order items and guest", async () => {
    const { orderRef } = await target.given.order();
    const links = {
      guest: { href: "https://api-engage-eu.sitecorecloud.io/v2.1/guests/567a697e-4e79-4f2c-96d1-a7249a44744f" },
      orderItems: {
        items: [
          { href: "https://api-engage-eu.sitecorecloud.io/v2.1/orderItems/fecbb7ed-6dfe-4e8c-85a9-b894b17ef4f3" },
        ],
      },
    };
    const body = { ...example("OrderConsumerRequest"), ...links };
    const { data, response } = await target.client.POST("/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef } },
      body,
    });
    expectSent(target, {
      method: "POST",
      path: "/v2.1/orders/{orderRef}/consumers",
      params: { path: { orderRef } },
      body,
    });
    // The server checks the body against the spec: a refused field would be a 400.
    expect(response.status).toBe(201);
    expectAnswer(target, data, { example: example("OrderConsumer"), stateful: example("OrderConsumerRequest") });
  });

  it("listOrderConsumers passes its query through and gets the order consumers", async () => {
    const { orderRef, orderConsumerRef } = await target.given.orderConsumer();
    const { data, response } = await target.client.GET("/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orders/{orderRef}/consumers",
      params: { path: { orderRef }, query: { expand: "true", limit: "20", offset: "0" } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderConsumerList"),
      stateful: { offset: 0, limit: 20, items: [{ ...example("OrderConsumerRequest"), ref: orderConsumerRef }] },
    });
  });

  it("retrieveOrderConsumer gets the order consumer", async () => {
    const { orderConsumerRef } = await target.given.orderConsumer();
    const { data, response } = await target.client.GET("/v2.1/orderConsumers/{orderConsumerRef}", {
      params: { path: { orderConsumerRef } },
    });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orderConsumers/{orderConsumerRef}",
      params: { path: { orderConsumerRef } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderConsumer"),
      stateful: { ...example("OrderConsumerRequest"), ref: orderConsumerRef },
    });
  });

  it("updateOrderConsumer sends the whole order consumer and gets it back", async () => {
    const { orderConsumerRef } = await target.given.orderConsumer();
    const body = { ...example("OrderConsumerRequest"), nationality: "French", country: "FR" };
    const { data, response } = await target.client.PUT("/v2.1/orderConsumers/{orderConsumerRef}", {
      params: { path: { orderConsumerRef } },
      body,
    });
    expectSent(target, {
      method: "PUT",
      path: "/v2.1/orderConsumers/{orderConsumerRef}",
      params: { path: { orderConsumerRef } },
      body,
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, { example: example("OrderConsumer"), stateful: { ...body, ref: orderConsumerRef } });
  });

  it("deleteOrderConsumer answers 204 with no body", async () => {
    const { orderConsumerRef } = await target.given.orderConsumer();
    const result = await target.client.DELETE("/v2.1/orderConsumers/{orderConsumerRef}", {
      params: { path: { orderConsumerRef } },
    });
    expectSent(target, {
      method: "DELETE",
      path: "/v2.1/orderConsumers/{orderConsumerRef}",
      params: { path: { orderConsumerRef } },
    });
    await expectNoContent(result);
  });

  it("listOrderConsumerOrderItems passes its query through and gets the consumer's order item links", async () => {
    const { orderConsumerRef } = await target.given.orderConsumer();
    const { data, response } = await target.client.GET("/v2.1/orderConsumers/{orderConsumerRef}/orderItems", {
      params: { path: { orderConsumerRef }, query: { limit: 20, offset: 0 } },
    });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orderConsumers/{orderConsumerRef}/orderItems",
      params: { path: { orderConsumerRef }, query: { limit: "20", offset: "0" } },
    });
    expect(response.status).toBe(200);
    // The API has no way to link a consumer to order items: a consumer the fake holds has none.
    expectAnswer(target, data, {
      example: example("OrderItemLinkList"),
      stateful: { offset: 0, limit: 20, items: [] },
    });
  });
}
