// The steps on the data extension `ext` of an order and of an order item: created, read,
// listed, updated and a field removed.
import { itemExt, itemPath, orderExt, orderPath, page, type Step } from "./plan-step.js";

export const EXTENSION_STEPS = [
  {
    id: "createOrderDataExtension",
    needs: ["order"],
    creates: "orderExtension",
    send: (c, r, d) =>
      c.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: orderExt(r), body: d.ext }),
  },
  {
    id: "retrieveOrderDataExtension",
    needs: ["orderExtension"],
    send: (c, r) => c.GET("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: orderExt(r) }),
  },
  {
    id: "listOrderDataExtensions",
    needs: ["order"],
    send: (c, r) => c.GET("/v2.1/orders/{orderRef}/extensions", { params: { ...orderPath(r), query: page } }),
  },
  {
    id: "updateOrderDataExtension",
    needs: ["orderExtension"],
    send: (c, r, d) =>
      c.PUT("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: orderExt(r), body: d.extUpdate }),
  },
  {
    id: "partiallyUpdateOrderDataExtension",
    needs: ["orderExtension"],
    send: (c, r, d) =>
      c.PATCH("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: orderExt(r), body: d.extPatch }),
  },
  {
    id: "deleteOrderDataExtensionFields",
    needs: ["orderExtension"],
    send: (c, r, d) =>
      c.DELETE("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}/fields", {
        params: { ...orderExt(r), query: { name: d.extRemovedKey } },
      }),
  },
  {
    id: "createOrderItemDataExtension",
    needs: ["order", "item"],
    creates: "itemExtension",
    send: (c, r, d) =>
      c.POST("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", { params: itemExt(r), body: d.ext }),
  },
  {
    id: "retrieveOrderItemDataExtension",
    needs: ["itemExtension"],
    send: (c, r) => c.GET("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", { params: itemExt(r) }),
  },
  {
    id: "listOrderItemDataExtensions",
    needs: ["item"],
    send: (c, r) => c.GET("/v2.1/orderItems/{orderItemRef}/extensions", { params: { ...itemPath(r), query: page } }),
  },
  {
    id: "updateOrderItemDataExtension",
    needs: ["itemExtension"],
    send: (c, r, d) =>
      c.PUT("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
        params: itemExt(r),
        body: d.extUpdate,
      }),
  },
  {
    id: "partiallyUpdateOrderItemDataExtension",
    needs: ["itemExtension"],
    send: (c, r, d) =>
      c.PATCH("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
        params: itemExt(r),
        body: d.extPatch,
      }),
  },
  {
    id: "deleteOrderItemDataExtensionFields",
    needs: ["itemExtension"],
    send: (c, r, d) =>
      c.DELETE("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}/fields", {
        params: { ...itemExt(r), query: { name: d.extRemovedKey } },
      }),
  },
] as const satisfies readonly Step[];
