// The steps on an order and its contact: created, read, listed and updated.
import { contactPath, orderPath, page, type Step } from "./plan-step.js";

export const ORDER_STEPS = [
  { id: "createOrder", needs: [], creates: "order", send: (c, _, d) => c.POST("/v2.1/orders", { body: d.order }) },
  { id: "retrieveOrder", needs: ["order"], send: (c, r) => c.GET("/v2.1/orders/{orderRef}", { params: orderPath(r) }) },
  {
    id: "listOrders",
    needs: ["order"],
    send: (c, _, d) => c.GET("/v2.1/orders", { params: { query: { referenceId: d.order.referenceId, ...page } } }),
  },
  {
    id: "updateOrder",
    needs: ["order"],
    send: (c, r, d) =>
      c.PUT("/v2.1/orders/{orderRef}", { params: orderPath(r), body: { ...d.order, price: 12, paymentType: "Card" } }),
  },
  {
    id: "partiallyUpdateOrder",
    needs: ["order"],
    send: (c, r, d) => c.PATCH("/v2.1/orders/{orderRef}", { params: orderPath(r), body: d.orderPatch }),
  },
  {
    id: "createOrderContact",
    needs: ["order"],
    creates: "contact",
    send: (c, r, d) => c.POST("/v2.1/orders/{orderRef}/contacts", { params: orderPath(r), body: d.contact }),
  },
  {
    id: "retrieveOrderContact",
    needs: ["contact"],
    send: (c, r) => c.GET("/v2.1/orderContacts/{orderContactRef}", { params: contactPath(r) }),
  },
  {
    id: "listOrderContacts",
    needs: ["order"],
    send: (c, r) => c.GET("/v2.1/orders/{orderRef}/contacts", { params: { ...orderPath(r), query: page } }),
  },
  {
    id: "updateOrderContact",
    needs: ["contact"],
    send: (c, r, d) =>
      c.PUT("/v2.1/orderContacts/{orderContactRef}", { params: contactPath(r), body: { ...d.contact, title: "Dr" } }),
  },
  {
    id: "partiallyUpdateOrderContact",
    needs: ["contact"],
    send: (c, r, d) =>
      c.PATCH("/v2.1/orderContacts/{orderContactRef}", { params: contactPath(r), body: d.contactPatch }),
  },
] as const satisfies readonly Step[];
