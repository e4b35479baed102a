import { describe, expect, it } from "vitest";
import { loadDereferencedSpec } from "../../scripts/spec.js";

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  externalDocs: { url: string };
  requestBody?: { content: Record<string, { schema: Schema; examples?: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { examples?: Record<string, unknown> }> }>;
}

const METHODS = ["get", "put", "post", "patch", "delete"] as const;
const spec = loadDereferencedSpec();
const operations = Object.entries(spec.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({ path, method, op: item[method]! })),
);

/** Every property schema a request body could carry, through allOf. */
function propertiesOf(schema: Schema): [string, unknown][] {
  const own = Object.entries((schema.properties as Record<string, unknown>) ?? {});
  const composed = ((schema.allOf as Schema[]) ?? []).flatMap(propertiesOf);
  return [...own, ...composed];
}

describe("the OpenAPI description", () => {
  it("has the 38 operations of the Order REST API v2.1, six per resource and seven per data extension", () => {
    expect(operations).toHaveLength(38);
    const perTag = Object.fromEntries(
      (spec.tags as { name: string }[]).map(({ name }) => [
        name,
        operations.filter(({ op }) => op.tags[0] === name).length,
      ]),
    );
    expect(perTag).toEqual({
      Order: 6,
      "Order item": 6,
      "Order contact": 6,
      "Order consumer": 6,
      "Order data extension": 7,
      "Order item data extension": 7,
    });
  });

  it.each(operations.map(({ path, method, op }) => [`${method.toUpperCase()} ${path}`, op] as const))(
    "%s is documented, sourced and answers every error status",
    (_, op) => {
      expect(op.operationId).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(op.tags).toHaveLength(1);
      expect(op.summary).toBeTruthy();
      expect(op.description).toBeTruthy();
      expect(op.externalDocs.url).toMatch(/^https:\/\/(api-docs|doc)\.sitecore\.com\//);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["400", "401", "403", "404", "429", "500"]));
      for (const response of Object.values(op.responses)) {
        for (const media of Object.values(response.content ?? {})) {
          expect(Object.keys(media.examples ?? {}).length).toBeGreaterThan(0);
        }
      }
      for (const media of Object.values(op.requestBody?.content ?? {})) {
        expect(Object.keys(media.examples ?? {}).length).toBeGreaterThan(0);
      }
    },
  );

  it("says which operations rest on inferred evidence", () => {
    const inferred = operations
      .filter(({ op }) => op.description.includes("Inferred:"))
      .map(({ op }) => op.operationId);
    expect(inferred.sort()).toEqual(
      [
        "retrieveOrder",
        "updateOrder",
        "deleteOrder",
        "retrieveOrderContact",
        "updateOrderContact",
        "partiallyUpdateOrderContact",
        "listOrderConsumers",
        "updateOrderConsumer",
        "deleteOrderConsumer",
        "partiallyUpdateOrderDataExtension",
        "deleteOrderDataExtension",
        "listOrderItemDataExtensions",
        "updateOrderItemDataExtension",
        "partiallyUpdateOrderItemDataExtension",
        "deleteOrderItemDataExtension",
        "deleteOrderItemDataExtensionFields",
      ].sort(),
    );
  });

  it("no request body accepts a read-only field, and every server-assigned field is refused", () => {
    // Sitecore's reference lists an order's timestamps among the fields of its request body;
    // v2's consumer body links its guest and order items, and its contact body its guest
    // (inferred for v2.1). An order item's orderedAt is its order's.
    const orderBodies = ["createOrder", "updateOrder", "partiallyUpdateOrder"];
    const consumerBodies = ["createOrderConsumer", "updateOrderConsumer"];
    const contactBodies = ["createOrderContact", "updateOrderContact", "partiallyUpdateOrderContact"];
    for (const { op } of operations) {
      const schema = op.requestBody?.content["application/json"]?.schema;
      if (!schema) continue;
      const properties = propertiesOf(schema);
      const readOnly = properties.filter(([, s]) => typeof s === "object" && s !== null && (s as Schema).readOnly);
      expect(readOnly, op.operationId).toEqual([]);
      if (schema.type === "object" && schema.additionalProperties) continue; // data extension bodies
      const refused = properties
        .filter(([, s]) => s === false)
        .map(([name]) => name)
        .sort();
      const timestamps = properties
        .filter(([name]) => name === "createdAt" || name === "modifiedAt")
        .map(([name, s]) => [name, s === false ? "refused" : (s as Schema).format]);
      if (orderBodies.includes(op.operationId)) {
        expect(refused, op.operationId).toEqual(["guest", "href", "order", "orderItems", "ref"]);
        expect(timestamps, op.operationId).toEqual([
          ["createdAt", "date-time"],
          ["modifiedAt", "date-time"],
        ]);
      } else if (consumerBodies.includes(op.operationId)) {
        expect(refused, op.operationId).toEqual(["createdAt", "href", "modifiedAt", "order", "ref"]);
        const links = properties
          .filter(([name]) => name === "guest" || name === "orderItems")
          .map(([name, s]) => [name, (s as Schema).required]);
        expect(links, op.operationId).toEqual([
          ["guest", ["href"]],
          ["orderItems", ["items"]],
        ]);
      } else if (contactBodies.includes(op.operationId)) {
        expect(refused, op.operationId).toEqual(["createdAt", "href", "modifiedAt", "order", "orderItems", "ref"]);
        const links = properties
          .filter(([name]) => name === "guest")
          .map(([name, s]) => [name, (s as Schema).required]);
        expect(links, op.operationId).toEqual([["guest", ["href"]]]);
      } else {
        expect(refused, op.operationId).toEqual([
          "createdAt",
          "guest",
          "href",
          "modifiedAt",
          "order",
          "orderItems",
          "orderedAt",
          "ref",
        ]);
      }
    }
  });
});
