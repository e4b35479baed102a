import { describe, expect, it } from "vitest";
import { prismClient } from "../helpers.js";
import { example, expectNoContent, queryOf, refs } from "./examples.js";

const client = prismClient();
const path = { orderItemRef: refs.orderItemRef, dataExtensionName: "ext" } as const;

describe("Order item data extension operations against the mock", () => {
  it("listOrderItemDataExtensions passes its query through and gets the OrderItemDataExtensionList example", async () => {
    const { data, response } = await client.GET("/v2.1/orderItems/{orderItemRef}/extensions", {
      params: { path: { orderItemRef: refs.orderItemRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expect(response.status).toBe(200);
    expect(queryOf(response)).toEqual({ expand: "true", limit: "20", offset: "0" });
    expect(data).toEqual(example("OrderItemDataExtensionList"));
  });

  it("createOrderItemDataExtension sends the OrderItemDataExtensionRequest example and gets the OrderItemDataExtension example", async () => {
    const { data, response } = await client.POST("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: example("OrderItemDataExtensionRequest"),
    });
    expect(response.status).toBe(201);
    expect(data).toEqual(example("OrderItemDataExtension"));
  });

  it("retrieveOrderItemDataExtension gets the OrderItemDataExtension example", async () => {
    const { data, response } = await client.GET("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
      params: { path },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderItemDataExtension"));
  });

  it("updateOrderItemDataExtension sends the OrderItemDataExtensionRequest example and gets the OrderItemDataExtension example", async () => {
    const { data, response } = await client.PUT("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: example("OrderItemDataExtensionRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderItemDataExtension"));
  });

  it("partiallyUpdateOrderItemDataExtension sends the OrderItemDataExtensionPatchRequest example and gets the OrderItemDataExtension example", async () => {
    const { data, response } = await client.PATCH("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: example("OrderItemDataExtensionPatchRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderItemDataExtension"));
  });

  it("deleteOrderItemDataExtension answers 204 with no body", async () => {
    await expectNoContent(
      await client.DELETE("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", { params: { path } }),
    );
  });

  it("deleteOrderItemDataExtensionFields passes the key list through and gets the OrderItemDataExtension example", async () => {
    const { data, response } = await client.DELETE(
      "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}/fields",
      { params: { path, query: { name: "withWarranty|color" } } },
    );
    expect(response.status).toBe(200);
    expect(queryOf(response)).toEqual({ name: "withWarranty|color" });
    expect(data).toEqual(example("OrderItemDataExtension"));
  });
});
