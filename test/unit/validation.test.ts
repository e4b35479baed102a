import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../../src/index.js";
import { observedClient } from "../helpers.js";

async function rejection(call: Promise<unknown>): Promise<RequestValidationError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestValidationError);
  return error as RequestValidationError;
}

const item = { name: "Phone", type: "MOBILE", price: 1, currencyCode: "EUR", status: "CONFIRMED" };
const path = { orderRef: "o1" };

describe("validation before sending", () => {
  it("lists every violation of an order item with its JSON path and rule, and sends nothing", async () => {
    const { client, requests } = observedClient();
    const error = await rejection(
      client.POST("/v2.1/orders/{orderRef}/orderItems", {
        params: { path },
        body: { ...item, name: "n".repeat(129), type: "FLIGHT", quantity: 1.5 } as never,
      }),
    );
    expect(requests).toHaveLength(0);
    expect(error.operation).toBe("POST /v2.1/orders/{orderRef}/orderItems");
    expect(error.violations).toEqual([
      { path: "body.name", rule: "maxLength", message: "must NOT have more than 128 characters" },
      { path: "body.type", rule: "not", message: 'must not be "FLIGHT": the value is reserved' },
      { path: "body.quantity", rule: "type", message: "must be integer" },
    ]);
    expect(error.message).toContain('body.type: must not be "FLIGHT"');
  });

  it("sends a consumer's links to its guest and order items and a contact's to its guest, and refuses an item's orderedAt", async () => {
    const { client, requests } = observedClient(() =>
      Response.json({ ref: "c1", href: "https://cdp.test/v2.1/orderConsumers/c1" }, { status: 201 }),
    );
    const guest = { href: "https://cdp.test/v2.1/guests/g1" };
    const orderItems = { items: [{ href: "https://cdp.test/v2.1/orderItems/i1" }] };
    await client.POST("/v2.1/orders/{orderRef}/consumers", {
      params: { path },
      body: { firstName: "Seán", guest, orderItems },
    });
    await client.POST("/v2.1/orders/{orderRef}/contacts", { params: { path }, body: { firstName: "Ann", guest } });
    expect(requests).toHaveLength(2);
    const malformed = await rejection(
      client.POST("/v2.1/orders/{orderRef}/consumers", {
        params: { path },
        body: { orderItems: { items: [{ url: "x" }] } } as never,
      }),
    );
    expect(malformed.violations.map((v) => [v.path, v.rule])).toEqual([["body.orderItems.items[0].href", "required"]]);
    const contact = await rejection(
      client.POST("/v2.1/orders/{orderRef}/contacts", {
        params: { path },
        body: { firstName: "Ann", orderItems } as never,
      }),
    );
    expect(contact.violations.map((v) => v.path)).toEqual(["body.orderItems"]);
    const dated = await rejection(
      client.POST("/v2.1/orders/{orderRef}/orderItems", {
        params: { path },
        body: { ...item, orderedAt: "2024-01-01T00:00:00Z" } as never,
      }),
    );
    expect(dated.violations.map((v) => `${v.path}: ${v.message}`)).toEqual([
      "body.orderedAt: is assigned by the server and must not be sent",
    ]);
    expect(requests).toHaveLength(2);
  });

  it("accepts a 128-character name", async () => {
    const { client, requests } = observedClient(() =>
      Response.json({ ref: "i1", href: "https://cdp.test/v2.1/orderItems/i1" }, { status: 201 }),
    );
    await client.POST("/v2.1/orders/{orderRef}/orderItems", {
      params: { path },
      body: { ...item, name: "n".repeat(128) },
    });
    expect(requests).toHaveLength(1);
  });

  it.each(["PersonalLoan", "Flight", "flight"])("lets the free-text order item type %s through", async (type) => {
    const { client, requests } = observedClient(() => Response.json({}, { status: 201 }));
    await client.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path }, body: { ...item, type } });
    expect(requests).toHaveLength(1);
  });

  it("rejects nested values, bad keys and reserved names in a data extension", async () => {
    const { client, requests } = observedClient();
    const error = await rejection(
      client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
        params: { path: { orderRef: "o1", dataExtensionName: "ext" } },
        body: { fine: 1, nested: { a: 1 }, "Bad Key": true, ref: "x", list: [1] } as never,
      }),
    );
    expect(requests).toHaveLength(0);
    expect(error.violations.map((v) => [v.path, v.rule])).toEqual([
      ['body["Bad Key"]', "propertyNames.pattern"],
      ["body.ref", "propertyNames.not"],
      ["body.nested", "type"],
      ["body.list", "type"],
    ]);
  });

  it("rejects more than 100 pairs in a data extension", async () => {
    const { client } = observedClient();
    const body = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`key${i}`, i]));
    const error = await rejection(
      client.PUT("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
        params: { path: { orderItemRef: "i1", dataExtensionName: "ext" } },
        body,
      }),
    );
    expect(error.violations).toEqual([
      { path: "body", rule: "maxProperties", message: "must NOT have more than 100 properties" },
    ]);
  });

  it("checks query and path parameters", async () => {
    const { client, requests } = observedClient();
    const error = await rejection(
      client.GET("/v2.1/orders/{orderRef}/orderItems", {
        params: { path: { orderRef: "" }, query: { limit: 500, offset: -1 } },
      }),
    );
    expect(requests).toHaveLength(0);
    expect(error.violations.map((v) => `${v.path} ${v.rule}`)).toEqual([
      "path.orderRef minLength",
      "query.offset minimum",
      "query.limit maximum",
    ]);
  });

  it("refuses server-assigned fields and a missing required field", async () => {
    const { client } = observedClient();
    const error = await rejection(
      client.POST("/v2.1/orders", {
        body: { referenceId: "R1", orderedAt: "2024-01-01T00:00:00Z", currencyCode: "EUR", ref: "o1" } as never,
      }),
    );
    expect(error.violations).toEqual([
      { path: "body.ref", rule: "false schema", message: "is assigned by the server and must not be sent" },
      { path: "body.price", rule: "required", message: "is required" },
    ]);
  });

  it("lets an order set its timestamps, as Sitecore's reference lists them, but not an order item", async () => {
    const stamps = { createdAt: "2023-12-31T08:00:00Z", modifiedAt: "2024-01-02T09:30:00Z" };
    const { client, requests } = observedClient(() =>
      Response.json({ ref: "o1", href: "https://cdp.test/v2.1/orders/o1" }, { status: 201 }),
    );
    await client.POST("/v2.1/orders", {
      body: { referenceId: "R1", orderedAt: "2024-01-01T00:00:00Z", currencyCode: "EUR", price: 1, ...stamps },
    });
    expect(requests).toHaveLength(1);
    const wrong = await rejection(
      client.PATCH("/v2.1/orders/{orderRef}", { params: { path }, body: { createdAt: "yesterday" } }),
    );
    expect(wrong.violations.map((v) => `${v.path} ${v.rule}`)).toEqual(["body.createdAt format"]);
    const itemError = await rejection(
      client.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path }, body: { ...item, ...stamps } as never }),
    );
    expect(itemError.violations.map((v) => `${v.path} ${v.rule}`)).toEqual([
      "body.createdAt false schema",
      "body.modifiedAt false schema",
    ]);
    expect(requests).toHaveLength(1);
  });

  it("can be switched off", async () => {
    const { client, requests } = observedClient(() => Response.json({}, { status: 201 }), { validateRequests: false });
    await client.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path }, body: { ...item, type: "FLIGHT" } });
    expect(requests).toHaveLength(1);
  });
});

describe("path parameters", () => {
  it.each([
    ["../guests/x", "/v2.1/orders/..%2Fguests%2Fx"],
    ["a?b=c", "/v2.1/orders/a%3Fb%3Dc"],
    ["a#frag", "/v2.1/orders/a%23frag"],
    ["a b/c", "/v2.1/orders/a%20b%2Fc"],
  ])("%j cannot change the request path", async (orderRef, expectedPath) => {
    const { client, requests } = observedClient(() => Response.json({ ref: "o", href: "https://cdp.test/o" }));
    await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe(expectedPath);
    expect(url.search).toBe("");
    expect(url.hash).toBe("");
  });

  it.each(["", ".", ".."])("%j is refused even with validation off, and nothing is sent", async (orderRef) => {
    const { client, requests } = observedClient(undefined, { validateRequests: false });
    const error = await rejection(client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }));
    expect(error.violations[0]?.path).toBe("path.orderRef");
    expect(requests).toHaveLength(0);
  });
});

describe("rules across query parameters (x-query-rules)", () => {
  const rule = "breaks the rule: Exactly one of `referenceId` and `guestRef`; `sort=orderedAt` only with `guestRef`.";

  it.each([
    [{}, ["query.referenceId required", "query.guestRef required", `query oneOf ${rule}`]],
    [{ referenceId: "R1", guestRef: "G1" }, [`query oneOf ${rule}`]],
    [{ referenceId: "R1", sort: "orderedAt" }, ["query.guestRef required", `query if ${rule}`]],
  ] as const)("listOrders with %j is refused before sending", async (query, expected) => {
    const { client, requests } = observedClient();
    const error = await rejection(client.GET("/v2.1/orders", { params: { query } }));
    expect(requests).toHaveLength(0);
    expect(error.violations.map((v) => `${v.path} ${v.rule}${v.path === "query" ? ` ${v.message}` : ""}`)).toEqual(
      expected,
    );
  });

  it.each([
    { referenceId: "R1" },
    { guestRef: "G1", sort: "orderedAt" },
    { referenceId: "R1", sort: "created" },
  ] as const)("listOrders with %j is sent", async (query) => {
    const { client, requests } = observedClient(() =>
      Response.json({ offset: 0, limit: 10, href: "https://cdp.test/v2.1/orders", items: [] }),
    );
    await client.GET("/v2.1/orders", { params: { query } });
    expect(requests).toHaveLength(1);
  });
});
