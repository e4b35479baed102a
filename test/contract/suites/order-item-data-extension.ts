import { expect, it } from "vitest";
import { example, expectNoContent } from "../examples.js";
import { expectAnswer, expectSent } from "../support/sent.js";
import type { ContractTarget } from "../support/targets.js";

/** The data extension's own fields, as every answer about it has them. */
const ext = { name: "ext", key: "default" } as const;

/** Order item data extension operations, as one target answers them. */
export function orderItemDataExtensionOperations(target: ContractTarget): void {
  it("listOrderItemDataExtensions passes its query through and gets the data extensions", async () => {
    const { orderItemRef } = await target.given.orderItemDataExtension();
    const { data, response } = await target.client.GET("/v2.1/orderItems/{orderItemRef}/extensions", {
      params: { path: { orderItemRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orderItems/{orderItemRef}/extensions",
      params: { path: { orderItemRef }, query: { expand: "true", limit: "20", offset: "0" } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderItemDataExtensionList"),
      stateful: { name: "ext", offset: 0, limit: 20, items: [{ ...example("OrderItemDataExtensionRequest"), ...ext }] },
    });
  });

  it("createOrderItemDataExtension sends the OrderItemDataExtensionRequest example and gets the data extension", async () => {
    const { orderItemRef } = await target.given.orderItem();
    const path = { orderItemRef, dataExtensionName: "ext" } as const;
    const { data, response } = await target.client.POST(
      "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
      {
        params: { path },
        body: example("OrderItemDataExtensionRequest"),
      },
    );
    expectSent(target, {
      method: "POST",
      path: "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
      params: { path },
      body: example("OrderItemDataExtensionRequest"),
    });
    expect(response.status).toBe(201);
    expectAnswer(target, data, {
      example: example("OrderItemDataExtension"),
      stateful: { ...example("OrderItemDataExtensionRequest"), ...ext },
    });
  });

  it("retrieveOrderItemDataExtension gets the data extension", async () => {
    const { orderItemRef } = await target.given.orderItemDataExtension();
    const path = { orderItemRef, dataExtensionName: "ext" } as const;
    const { data, response } = await target.client.GET(
      "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
      { params: { path } },
    );
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
      params: { path },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderItemDataExtension"),
      stateful: { ...example("OrderItemDataExtensionRequest"), ...ext },
    });
  });

  it("updateOrderItemDataExtension replaces the pairs and gets the data extension", async () => {
    const { orderItemRef } = await target.given.orderItemDataExtension();
    const path = { orderItemRef, dataExtensionName: "ext" } as const;
    const body = { color: "jade", capacityInGb: 256 };
    const { data, response } = await target.client.PUT(
      "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
      { params: { path }, body },
    );
    expectSent(target, {
      method: "PUT",
      path: "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
      params: { path },
      body,
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, { example: example("OrderItemDataExtension"), stateful: { ...body, ...ext } });
    if (target.stateful) expect(data).not.toHaveProperty("withWarranty");
  });

  it("partiallyUpdateOrderItemDataExtension sends the OrderItemDataExtensionPatchRequest example and gets the data extension", async () => {
    const { orderItemRef } = await target.given.orderItemDataExtension();
    const path = { orderItemRef, dataExtensionName: "ext" } as const;
    const { data, response } = await target.client.PATCH(
      "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
      {
        params: { path },
        body: example("OrderItemDataExtensionPatchRequest"),
      },
    );
    expectSent(target, {
      method: "PATCH",
      path: "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
      params: { path },
      body: example("OrderItemDataExtensionPatchRequest"),
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderItemDataExtension"),
      stateful: {
        ...example("OrderItemDataExtensionRequest"),
        ...example("OrderItemDataExtensionPatchRequest"),
        ...ext,
      },
    });
  });

  it("deleteOrderItemDataExtension answers 204 with no body", async () => {
    const { orderItemRef } = await target.given.orderItemDataExtension();
    const path = { orderItemRef, dataExtensionName: "ext" } as const;
    const result = await target.client.DELETE("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
      params: { path },
    });
    expectSent(target, {
      method: "DELETE",
      path: "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
      params: { path },
    });
    await expectNoContent(result);
  });

  it("deleteOrderItemDataExtensionFields passes the key list through and gets what is left of the data extension", async () => {
    const { orderItemRef } = await target.given.orderItemDataExtension();
    const path = { orderItemRef, dataExtensionName: "ext" } as const;
    const { data, response } = await target.client.DELETE(
      "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}/fields",
      { params: { path, query: { name: "withWarranty|color" } } },
    );
    expectSent(target, {
      method: "DELETE",
      path: "/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}/fields",
      params: { path, query: { name: "withWarranty|color" } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderItemDataExtension"),
      stateful: { capacityInGb: 128, ...ext },
    });
    if (target.stateful) for (const key of ["withWarranty", "color"]) expect(data).not.toHaveProperty(key);
  });
}
