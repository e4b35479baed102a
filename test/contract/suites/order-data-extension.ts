import { expect, it } from "vitest";
import { example, expectNoContent } from "../examples.js";
import { expectAnswer, expectSent } from "../support/sent.js";
import type { ContractTarget } from "../support/targets.js";

/** The data extension's own fields, as every answer about it has them. */
const ext = { name: "ext", key: "default" } as const;

/** Order data extension operations, as one target answers them. */
export function orderDataExtensionOperations(target: ContractTarget): void {
  it("listOrderDataExtensions passes its query through and gets the data extensions", async () => {
    const { orderRef } = await target.given.orderDataExtension();
    const { data, response } = await target.client.GET("/v2.1/orders/{orderRef}/extensions", {
      params: { path: { orderRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orders/{orderRef}/extensions",
      params: { path: { orderRef }, query: { expand: "true", limit: "20", offset: "0" } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderDataExtensionList"),
      stateful: { name: "ext", offset: 0, limit: 20, items: [{ ...example("OrderDataExtensionRequest"), ...ext }] },
    });
  });

  it("createOrderDataExtension sends the OrderDataExtensionRequest example and gets the data extension", async () => {
    const { orderRef } = await target.given.order();
    const path = { orderRef, dataExtensionName: "ext" } as const;
    const { data, response } = await target.client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: example("OrderDataExtensionRequest"),
    });
    expectSent(target, {
      method: "POST",
      path: "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}",
      params: { path },
      body: example("OrderDataExtensionRequest"),
    });
    expect(response.status).toBe(201);
    expectAnswer(target, data, {
      example: example("OrderDataExtension"),
      stateful: { ...example("OrderDataExtensionRequest"), ...ext },
    });
  });

  it("retrieveOrderDataExtension gets the data extension", async () => {
    const { orderRef } = await target.given.orderDataExtension();
    const path = { orderRef, dataExtensionName: "ext" } as const;
    const { data, response } = await target.client.GET("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
    });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}",
      params: { path },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderDataExtension"),
      stateful: { ...example("OrderDataExtensionRequest"), ...ext },
    });
  });

  it("updateOrderDataExtension replaces the pairs and gets the data extension", async () => {
    const { orderRef } = await target.given.orderDataExtension();
    const path = { orderRef, dataExtensionName: "ext" } as const;
    const body = { storeLocation: "Paris", totalUnits: 3 };
    const { data, response } = await target.client.PUT("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
      body,
    });
    expectSent(target, {
      method: "PUT",
      path: "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}",
      params: { path },
      body,
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, { example: example("OrderDataExtension"), stateful: { ...body, ...ext } });
    if (target.stateful) expect(data).not.toHaveProperty("firstTimeOrder");
  });

  it("partiallyUpdateOrderDataExtension sends the OrderDataExtensionPatchRequest example and gets the data extension", async () => {
    const { orderRef } = await target.given.orderDataExtension();
    const path = { orderRef, dataExtensionName: "ext" } as const;
    const { data, response } = await target.client.PATCH("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
      body: example("OrderDataExtensionPatchRequest"),
    });
    expectSent(target, {
      method: "PATCH",
      path: "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}",
      params: { path },
      body: example("OrderDataExtensionPatchRequest"),
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderDataExtension"),
      stateful: { ...example("OrderDataExtensionRequest"), ...example("OrderDataExtensionPatchRequest"), ...ext },
    });
  });

  it("deleteOrderDataExtension answers 204 with no body", async () => {
    const { orderRef } = await target.given.orderDataExtension();
    const path = { orderRef, dataExtensionName: "ext" } as const;
    const result = await target.client.DELETE("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path },
    });
    expectSent(target, {
      method: "DELETE",
      path: "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}",
      params: { path },
    });
    await expectNoContent(result);
  });

  it("deleteOrderDataExtensionFields passes the key list through and gets what is left of the data extension", async () => {
    const { orderRef } = await target.given.orderDataExtension();
    const path = { orderRef, dataExtensionName: "ext" } as const;
    const { data, response } = await target.client.DELETE(
      "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}/fields",
      { params: { path, query: { name: "firstTimeOrder|storeLocation" } } },
    );
    expectSent(target, {
      method: "DELETE",
      path: "/v2.1/orders/{orderRef}/extensions/{dataExtensionName}/fields",
      params: { path, query: { name: "firstTimeOrder|storeLocation" } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderDataExtension"),
      stateful: { totalUnits: 8, totalDiscount: "20%", ...ext },
    });
    if (target.stateful) for (const key of ["firstTimeOrder", "storeLocation"]) expect(data).not.toHaveProperty(key);
  });
}
