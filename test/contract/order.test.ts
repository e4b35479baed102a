import { describe, expect, it } from "vitest";
import { prismClient } from "../helpers.js";
import { example, expectNoContent, queryOf, refs } from "./examples.js";

const client = prismClient();
const { orderRef } = refs;
const order = {
  referenceId: "B94TXY-1",
  orderedAt: "2024-01-01T16:17:16Z",
  currencyCode: "EUR",
  price: 50,
  channel: "WEB",
  status: "PURCHASED",
} as const;

describe("Order operations against the mock", () => {
  it("createOrder answers 201 with the order and its ref", async () => {
    const { data, response } = await client.POST("/v2.1/orders", { body: order });
    expect(response.status).toBe(201);
    expect(data?.ref).toMatch(/^[0-9a-f-]{36}$/);
    expect(data?.referenceId).toBe("B94TXY-1");
  });

  it("createOrder sends the OrderRequest example and gets the Order example", async () => {
    const { data, response } = await client.POST("/v2.1/orders", { body: example("OrderRequest") });
    expect(response.status).toBe(201);
    expect(data).toEqual(example("Order"));
  });

  it("listOrders passes its query through and gets the OrderList example", async () => {
    const query = { referenceId: "B94TXY-1", sort: "created", expand: true, offset: 0, limit: 20 } as const;
    const { data, response } = await client.GET("/v2.1/orders", { params: { query } });
    expect(response.status).toBe(200);
    expect(queryOf(response)).toEqual({
      referenceId: "B94TXY-1",
      sort: "created",
      expand: "true",
      offset: "0",
      limit: "20",
    });
    expect(data).toEqual(example("OrderList"));
  });

  it("retrieveOrder gets the Order example", async () => {
    const { data, response } = await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("Order"));
  });

  it("updateOrder sends the OrderRequest example and gets the Order example", async () => {
    const { data, response } = await client.PUT("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef } },
      body: example("OrderRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("Order"));
  });

  it("partiallyUpdateOrder sends the OrderPatchRequest example and gets the Order example", async () => {
    const { data, response } = await client.PATCH("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef } },
      body: example("OrderPatchRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("Order"));
  });

  it("deleteOrder answers 204 with no body", async () => {
    await expectNoContent(await client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }));
  });
});
