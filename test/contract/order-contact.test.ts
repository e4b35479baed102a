import { describe, expect, it } from "vitest";
import { prismClient } from "../helpers.js";
import { example, expectNoContent, queryOf, refs } from "./examples.js";

const client = prismClient();
const { orderRef, orderContactRef } = refs;

describe("Order contact operations against the mock", () => {
  it("createOrderContact sends the OrderContactRequest example and gets the OrderContact example", async () => {
    const { data, response } = await client.POST("/v2.1/orders/{orderRef}/contacts", {
      params: { path: { orderRef } },
      body: example("OrderContactRequest"),
    });
    expect(response.status).toBe(201);
    expect(data).toEqual(example("OrderContact"));
  });

  it("listOrderContacts passes its query through and gets the OrderContactList example", async () => {
    const { data, response } = await client.GET("/v2.1/orders/{orderRef}/contacts", {
      params: { path: { orderRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expect(response.status).toBe(200);
    expect(queryOf(response)).toEqual({ expand: "true", limit: "20", offset: "0" });
    expect(data).toEqual(example("OrderContactList"));
  });

  it("retrieveOrderContact gets the OrderContact example", async () => {
    const { data, response } = await client.GET("/v2.1/orderContacts/{orderContactRef}", {
      params: { path: { orderContactRef } },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderContact"));
  });

  it("updateOrderContact sends the OrderContactRequest example and gets the OrderContact example", async () => {
    const { data, response } = await client.PUT("/v2.1/orderContacts/{orderContactRef}", {
      params: { path: { orderContactRef } },
      body: example("OrderContactRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderContact"));
  });

  it("partiallyUpdateOrderContact sends the OrderContactRequest example and gets the OrderContact example", async () => {
    const { data, response } = await client.PATCH("/v2.1/orderContacts/{orderContactRef}", {
      params: { path: { orderContactRef } },
      body: example("OrderContactRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderContact"));
  });

  it("deleteOrderContact answers 204 with no body", async () => {
    await expectNoContent(
      await client.DELETE("/v2.1/orderContacts/{orderContactRef}", { params: { path: { orderContactRef } } }),
    );
  });
});
