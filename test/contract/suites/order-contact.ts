import { expect, it } from "vitest";
import { example, expectNoContent } from "../examples.js";
import { expectAnswer, expectSent } from "../support/sent.js";
import type { ContractTarget } from "../support/targets.js";

/** Order contact operations, as one target answers them. */
export function orderContactOperations(target: ContractTarget): void {
  it("createOrderContact sends the OrderContactRequest example and gets the order contact", async () => {
    const { orderRef } = await target.given.order();
    const { data, response } = await target.client.POST("/v2.1/orders/{orderRef}/contacts", {
      params: { path: { orderRef } },
      body: example("OrderContactRequest"),
    });
    expectSent(target, {
      method: "POST",
      path: "/v2.1/orders/{orderRef}/contacts",
      params: { path: { orderRef } },
      body: example("OrderContactRequest"),
    });
    expect(response.status).toBe(201);
    expectAnswer(target, data, {
      example: example("OrderContact"),
      stateful: {
        ...example("OrderContactRequest"),
        order: { href: expect.stringMatching(`/v2.1/orders/${orderRef}$`) },
      },
    });
  });

  it("listOrderContacts passes its query through and gets the order contacts", async () => {
    const { orderRef, orderContactRef } = await target.given.orderContact();
    const { data, response } = await target.client.GET("/v2.1/orders/{orderRef}/contacts", {
      params: { path: { orderRef }, query: { expand: true, limit: 20, offset: 0 } },
    });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orders/{orderRef}/contacts",
      params: { path: { orderRef }, query: { expand: "true", limit: "20", offset: "0" } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderContactList"),
      stateful: { offset: 0, limit: 20, items: [{ ...example("OrderContactRequest"), ref: orderContactRef }] },
    });
  });

  it("retrieveOrderContact gets the order contact", async () => {
    const { orderContactRef } = await target.given.orderContact();
    const { data, response } = await target.client.GET("/v2.1/orderContacts/{orderContactRef}", {
      params: { path: { orderContactRef } },
    });
    expectSent(target, {
      method: "GET",
      path: "/v2.1/orderContacts/{orderContactRef}",
      params: { path: { orderContactRef } },
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderContact"),
      stateful: { ...example("OrderContactRequest"), ref: orderContactRef },
    });
  });

  it("updateOrderContact sends the whole order contact and gets it back", async () => {
    const { orderContactRef } = await target.given.orderContact();
    const body = { ...example("OrderContactRequest"), city: "Cork" };
    const { data, response } = await target.client.PUT("/v2.1/orderContacts/{orderContactRef}", {
      params: { path: { orderContactRef } },
      body,
    });
    expectSent(target, {
      method: "PUT",
      path: "/v2.1/orderContacts/{orderContactRef}",
      params: { path: { orderContactRef } },
      body,
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, { example: example("OrderContact"), stateful: { ...body, ref: orderContactRef } });
  });

  it("partiallyUpdateOrderContact sends some fields and gets the order contact", async () => {
    const { orderContactRef } = await target.given.orderContact();
    const body = { city: "Galway", phoneNumbers: ["+35391123456"] };
    const { data, response } = await target.client.PATCH("/v2.1/orderContacts/{orderContactRef}", {
      params: { path: { orderContactRef } },
      body,
    });
    expectSent(target, {
      method: "PATCH",
      path: "/v2.1/orderContacts/{orderContactRef}",
      params: { path: { orderContactRef } },
      body,
    });
    expect(response.status).toBe(200);
    expectAnswer(target, data, {
      example: example("OrderContact"),
      stateful: { ...example("OrderContactRequest"), ...body, ref: orderContactRef },
    });
  });

  it("deleteOrderContact answers 204 with no body", async () => {
    const { orderContactRef } = await target.given.orderContact();
    const result = await target.client.DELETE("/v2.1/orderContacts/{orderContactRef}", {
      params: { path: { orderContactRef } },
    });
    expectSent(target, {
      method: "DELETE",
      path: "/v2.1/orderContacts/{orderContactRef}",
      params: { path: { orderContactRef } },
    });
    await expectNoContent(result);
  });
}
