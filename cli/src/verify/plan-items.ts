// The steps on an order item and an order consumer: created, read, listed and updated.
import { consumerPath, itemPath, orderPath, page, type Step } from "./plan-step.js";

export const ITEM_STEPS = [
  {
    id: "createOrderItem",
    needs: ["order"],
    creates: "item",
    send: (c, r, d) => c.POST("/v2.1/orders/{orderRef}/orderItems", { params: orderPath(r), body: d.item }),
  },
  {
    id: "retrieveOrderItem",
    needs: ["item"],
    send: (c, r) => c.GET("/v2.1/orderItems/{orderItemRef}", { params: { ...itemPath(r), query: { expand: true } } }),
  },
  {
    id: "listOrderItems",
    needs: ["order"],
    send: (c, r) => c.GET("/v2.1/orders/{orderRef}/orderItems", { params: { ...orderPath(r), query: page } }),
  },
  {
    id: "updateOrderItem",
    needs: ["item"],
    send: (c, r, d) =>
      c.PUT("/v2.1/orderItems/{orderItemRef}", { params: itemPath(r), body: { ...d.item, vendor: "cdp-orders" } }),
  },
  {
    id: "partiallyUpdateOrderItem",
    needs: ["item"],
    send: (c, r, d) => c.PATCH("/v2.1/orderItems/{orderItemRef}", { params: itemPath(r), body: d.itemPatch }),
  },
  {
    id: "createOrderConsumer",
    needs: ["order"],
    creates: "consumer",
    send: (c, r, d) => c.POST("/v2.1/orders/{orderRef}/consumers", { params: orderPath(r), body: d.consumer }),
  },
  {
    id: "retrieveOrderConsumer",
    needs: ["consumer"],
    send: (c, r) => c.GET("/v2.1/orderConsumers/{orderConsumerRef}", { params: consumerPath(r) }),
  },
  {
    id: "listOrderConsumers",
    needs: ["order"],
    send: (c, r) => c.GET("/v2.1/orders/{orderRef}/consumers", { params: { ...orderPath(r), query: page } }),
  },
  {
    id: "updateOrderConsumer",
    needs: ["consumer"],
    send: (c, r, d) =>
      c.PUT("/v2.1/orderConsumers/{orderConsumerRef}", {
        params: consumerPath(r),
        body: { ...d.consumer, city: "Dublin" },
      }),
  },
  {
    id: "listOrderConsumerOrderItems",
    needs: ["consumer"],
    send: (c, r) =>
      c.GET("/v2.1/orderConsumers/{orderConsumerRef}/orderItems", {
        params: { ...consumerPath(r), query: { offset: 0, limit: 10 } },
      }),
  },
] as const satisfies readonly Step[];
