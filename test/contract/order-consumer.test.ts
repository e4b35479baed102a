import { describe, expect, it } from "vitest";
import { prismClient } from "../helpers.js";
import { example, expectNoContent, queryOf, refs } from "./examples.js";

const client = prismClient();
const { orderRef, orderConsumerRef } = refs;

describe("Order consumer operations against the mock", () => {
  it("createOrderConsumer sends the OrderConsumerRequest example and gets the OrderConsumer example", async () => {
    const { data, response } = await client.POST("/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef } },
      body: example("OrderConsumerRequest"),
    });
    expect(response.status).toBe(201);
    expect(data).toEqual(example("OrderConsumer"));
  });

  it("createOrderConsumer links the consumer to its order items and guest", async () => {
    const links = {
      guest: { href: "https://api-engage-eu.sitecorecloud.io/v2.1/guests/567a697e-4e79-4f2c-96d1-a7249a44744f" },
      orderItems: {
        items: [
          { href: "https://api-engage-eu.sitecorecloud.io/v2.1/orderItems/fecbb7ed-6dfe-4e8c-85a9-b894b17ef4f3" },
        ],
      },
    };
    const { response } = await client.POST("/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef } },
      body: { ...example("OrderConsumerRequest"), ...links },
    });
    // The mock validates the body against the spec: a refused field would be a 422.
    expect(response.status).toBe(201);
  });

  it("listOrderConsumers passes its query through and gets the OrderConsumerList example", async () => {
    const { data, response } = await client.GET("/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expect(response.status).toBe(200);
    expect(queryOf(response)).toEqual({ expand: "true", limit: "20", offset: "0" });
    expect(data).toEqual(example("OrderConsumerList"));
  });

  it("retrieveOrderConsumer gets the OrderConsumer example", async () => {
    const { data, response } = await client.GET("/v2.1/orderConsumers/{orderConsumerRef}", {
      params: { path: { orderConsumerRef } },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderConsumer"));
  });

  it("updateOrderConsumer sends the OrderConsumerRequest example and gets the OrderConsumer example", async () => {
    const { data, response } = await client.PUT("/v2.1/orderConsumers/{orderConsumerRef}", {
      params: { path: { orderConsumerRef } },
      body: example("OrderConsumerRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderConsumer"));
  });

  it("deleteOrderConsumer answers 204 with no body", async () => {
    await expectNoContent(
      await client.DELETE("/v2.1/orderConsumers/{orderConsumerRef}", { params: { path: { orderConsumerRef } } }),
    );
  });

  it("listOrderConsumerOrderItems passes its query through and gets the OrderItemLinkList example", async () => {
    const { data, response } = await client.GET("/v2.1/orderConsumers/{orderConsumerRef}/orderItems", {
      params: { path: { orderConsumerRef }, query: { limit: 20, offset: 0 } },
    });
    expect(response.status).toBe(200);
    expect(queryOf(response)).toEqual({ limit: "20", offset: "0" });
    expect(data).toEqual(example("OrderItemLinkList"));
  });
});
