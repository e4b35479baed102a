import { describe, expect, it } from "vitest";
import { prismClient } from "../helpers.js";
import { example, expectNoContent, queryOf, refs } from "./examples.js";

const client = prismClient();
const path = { orderRef: refs.orderRef, dataExtensionName: "ext" } as const;

describe("Order data extension operations against the mock", () => {
  it("listOrderDataExtensions passes its query through and gets the OrderDataExtensionList example", async () => {
    const { data, response } = await client.GET("/v2.1/orders/{orderRef}/extensions", {
      params: { path: { orderRef: refs.orderRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expect(response.status).toBe(200);
    expect(queryOf(response)).toEqual({ expand: "true", limit: "20", offset: "0" });
    expect(data).toEqual(example("OrderDataExtensionList"));
  });

  it("createOrderDataExtension sends the OrderDataExtensionRequest example and gets the OrderDataExtension example", async () => {
    const { data, response } = await client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: example("OrderDataExtensionRequest"),
    });
    expect(response.status).toBe(201);
    expect(data).toEqual(example("OrderDataExtension"));
  });

  it("retrieveOrderDataExtension gets the OrderDataExtension example", async () => {
    const { data, response } = await client.GET("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderDataExtension"));
  });

  it("updateOrderDataExtension sends the OrderDataExtensionRequest example and gets the OrderDataExtension example", async () => {
    const { data, response } = await client.PUT("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: example("OrderDataExtensionRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderDataExtension"));
  });

  it("partiallyUpdateOrderDataExtension sends the OrderDataExtensionPatchRequest example and gets the OrderDataExtension example", async () => {
    const { data, response } = await client.PATCH("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: example("OrderDataExtensionPatchRequest"),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("OrderDataExtension"));
  });

  it("deleteOrderDataExtension answers 204 with no body", async () => {
    await expectNoContent(
      await client.DELETE("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: { path } }),
    );
  });

  it("deleteOrderDataExtensionFields passes the key list through and gets the OrderDataExtension example", async () => {
    const { data, response } = await client.DELETE("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}/fields", {
      params: { path, query: { name: "firstTimeOrder|storeLocation" } },
    });
    expect(response.status).toBe(200);
    expect(queryOf(response)).toEqual({ name: "firstTimeOrder|storeLocation" });
    expect(data).toEqual(example("OrderDataExtension"));
  });
});
