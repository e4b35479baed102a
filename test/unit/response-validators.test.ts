// The generated response validators, through `responseViolations`: what departs from the spec
// (a missing required field, a wrong type, an unlisted enum value, an undocumented status, a
// body where none is documented) is reported with its path and rule; fields the spec does not
// list are not, and neither are the rules that only refuse what a client sends.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { measure } from "../../scripts/bundle-size.js";
import { forResponses, SCHEMA_BASE } from "../../scripts/spec-ajv.js";
import { loadDereferencedSpec, operationsOf } from "../../scripts/spec.js";
import { responseViolations } from "../../src/validation/response-violations.js";
import { ROOT } from "../support/paths.js";

const EXAMPLES_DIR = join(ROOT, "openapi/components/examples");
const JSON_TYPE = "application/json";

function example(name: string): Record<string, unknown> {
  return (parse(readFileSync(join(EXAMPLES_DIR, `${name}.yaml`), "utf8")) as { value: Record<string, unknown> }).value;
}

/** `path rule` of each violation, in order. */
function rules(operation: string, status: number, body: unknown, contentType: string | null = JSON_TYPE): string[] {
  return responseViolations(operation, status, contentType, body).map((v) => `${v.path} ${v.rule}`);
}

const ORDER = "GET /v2.1/orders/{orderRef}";
const ORDER_ITEMS = "GET /v2.1/orders/{orderRef}/orderItems";
const order = () => example("Order");
const item = () => example("OrderItem");
const page = (items: unknown[]) => ({ ...example("OrderItemList"), items });

describe("drift", () => {
  it("a missing required field, at its path", () => {
    const { price: _price, ...withoutPrice } = order();
    expect(rules(ORDER, 200, withoutPrice)).toEqual(["body.price required"]);
    const { name: _name, ...withoutName } = item();
    expect(rules(ORDER_ITEMS, 200, page([item(), withoutName]))).toEqual(["body.items[1].name required"]);
  });

  it("the fields Sitecore CDP assigns are required in an answer", () => {
    const { ref: _ref, href: _href, ...unassigned } = order();
    expect(rules(ORDER, 200, unassigned)).toEqual(["body.ref required", "body.href required"]);
  });

  it("a wrong type, at its path", () => {
    expect(rules(ORDER, 200, { ...order(), price: "50" })).toEqual(["body.price type"]);
    expect(rules(ORDER_ITEMS, 200, page([{ ...item(), price: "105" }]))).toEqual(["body.items[0].price type"]);
    expect(rules(ORDER_ITEMS, 200, { ...page([]), items: {} })).toEqual(["body.items type"]);
    expect(rules("GET /v2.1/orderItems/{orderItemRef}", 200, { ...item(), quantity: 1.5 })).toEqual([
      "body.quantity type",
    ]);
  });

  it("a member that is not an object is reported once, though several schemas it combines say so", () => {
    expect(responseViolations(ORDER_ITEMS, 200, JSON_TYPE, page([item(), 5]))).toEqual([
      { path: "body.items[1]", rule: "type", message: "must be object" },
    ]);
  });

  it("a format the spec sets, at its path", () => {
    expect(rules(ORDER, 200, { ...order(), orderedAt: "yesterday", href: "/v2.1/orders/o1" })).toEqual([
      "body.orderedAt format",
      "body.href format",
    ]);
  });

  it("an enum value the spec does not list", () => {
    expect(rules(ORDER, 200, { ...order(), status: "SHIPPED" })).toEqual(["body.status enum"]);
    expect(
      rules("GET /v2.1/orderConsumers/{orderConsumerRef}", 200, { ...example("OrderConsumer"), gender: "x" }),
    ).toEqual(["body.gender enum"]);
    expect(
      rules("GET /v2.1/orders/{orderRef}/extensions/{dataExtensionName}", 200, {
        ...example("OrderDataExtension"),
        name: "other",
      }),
    ).toEqual(["body.name enum"]);
  });

  it("a status the operation does not document", () => {
    expect(responseViolations(ORDER, 201, JSON_TYPE, order())).toEqual([
      {
        path: "status",
        rule: "status",
        message: "201 is not documented for GET /v2.1/orders/{orderRef} (200, 400, 401, 403, 404, 429, 500)",
      },
    ]);
    expect(rules("DELETE /v2.1/orders/{orderRef}", 200, undefined, null)).toEqual(["status status"]);
    expect(rules("POST /v2.1/orders", 200, order())).toEqual(["status status"]);
    expect(rules(ORDER, 502, example("InternalServerError"))).toEqual(["status status"]);
  });

  it("a body where none is documented", () => {
    expect(rules("DELETE /v2.1/orders/{orderRef}", 204, {})).toEqual(["body noBody"]);
    expect(rules("DELETE /v2.1/orderContacts/{orderContactRef}", 204, null)).toEqual(["body noBody"]);
    expect(rules("DELETE /v2.1/orders/{orderRef}", 204, undefined, null)).toEqual([]);
  });

  it("no body where one is documented, or one of another media type", () => {
    expect(rules(ORDER, 200, undefined, null)).toEqual(["body required"]);
    expect(rules(ORDER, 200, "<html></html>", "text/html")).toEqual(["contentType contentType"]);
    expect(rules(ORDER, 200, order(), null)).toEqual(["contentType contentType"]);
    expect(rules(ORDER, 200, order(), "Application/JSON; charset=UTF-8")).toEqual([]);
  });

  it("in the error answers the spec documents", () => {
    const { message: _message, ...withoutMessage } = example("NotFoundError");
    expect(rules(ORDER, 404, withoutMessage)).toEqual(["body.message required"]);
    expect(rules("POST /v2.1/orders", 400, { ...example("BadRequestError"), code: "400" })).toEqual(["body.code type"]);
    expect(rules("DELETE /v2.1/orders/{orderRef}", 429, { ...example("TooManyRequestsError"), status: true })).toEqual([
      "body.status type",
    ]);
    expect(rules(ORDER, 500, "Internal Server Error")).toEqual(["body type"]);
  });

  it("a data extension pair whose value is not a string, number or boolean", () => {
    const extension = { ...example("OrderItemDataExtension"), giftWrap: { paper: "red" } };
    expect(rules("GET /v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", 200, extension)).toEqual([
      "body.giftWrap type",
    ]);
  });
});

describe("not drift", () => {
  it("fields the spec does not list, at any depth", () => {
    const extended = {
      ...item(),
      loyaltyPoints: 12,
      discounts: [{ code: "X" }],
      order: { ...(item().order as object), id: 1 },
    };
    expect(rules(ORDER_ITEMS, 200, page([extended]))).toEqual([]);
    expect(rules(ORDER, 200, { ...order(), loyaltyTier: { name: "gold" }, tags: null })).toEqual([]);
    const link = { href: "https://api-engage-eu.sitecorecloud.io/v2.1/orders/o1", ref: "o1" };
    expect(rules("GET /v2.1/orders", 200, { ...example("OrderList"), items: [link], total: 1, _links: {} })).toEqual(
      [],
    );
    expect(rules(ORDER, 404, { ...example("NotFoundError"), traceId: "abc", details: [{ field: "x" }] })).toEqual([]);
  });

  it("the fields a request must not send: read-only ones are expected in an answer", () => {
    // An order item body may not carry ref, href, createdAt, modifiedAt, orderedAt or order.
    const answer = item();
    for (const field of ["ref", "href", "createdAt", "modifiedAt", "orderedAt", "order"]) {
      expect(answer).toHaveProperty(field);
    }
    expect(rules("PUT /v2.1/orderItems/{orderItemRef}", 200, answer)).toEqual([]);
    expect(rules("POST /v2.1/orders/{orderRef}/contacts", 201, example("OrderContact"))).toEqual([]);
  });

  it("values only refused on input: a reserved order item type read back", () => {
    expect(rules("GET /v2.1/orderItems/{orderItemRef}", 200, { ...item(), type: "FLIGHT" })).toEqual([]);
  });

  it("a data extension's scalar pairs, under any name", () => {
    const extension = { ...example("OrderDataExtension"), newField: "x", count: 3, flag: false };
    expect(rules("PATCH /v2.1/orders/{orderRef}/extensions/{dataExtensionName}", 200, extension)).toEqual([]);
  });

  it("an operation the spec does not describe", () => {
    expect(rules("GET /v2.1/guests/{guestRef}", 200, { anything: true })).toEqual([]);
  });
});

describe("collection members", () => {
  it("a member with only href and ref is a link; any other is held to the full object", () => {
    const { href, ref } = item();
    const link = { href, ref };
    expect(rules(ORDER_ITEMS, 200, page([link, { href }, item()]))).toEqual([]);
    // A link whose href is missing, and a member with more than a link's fields that lacks the full object's.
    expect(rules(ORDER_ITEMS, 200, page([{ ref }, { ...link, name: "Phone" }]))).toEqual([
      "body.items[0].href required",
      "body.items[1].type required",
      "body.items[1].price required",
      "body.items[1].currencyCode required",
      "body.items[1].status required",
    ]);
  });
});

describe("the response examples of the spec", () => {
  const spec = loadDereferencedSpec();
  const exampleFiles = readdirSync(EXAMPLES_DIR).map((file) => file.replace(/\.yaml$/, ""));
  type Content = Record<string, { examples?: Record<string, { value: unknown }> }>;
  const operations = operationsOf(spec);
  const answers = operations.flatMap(({ method, path, op }) =>
    Object.entries(op.responses as Record<string, { content?: Content }>).flatMap(([status, response]) =>
      Object.entries(response.content ?? {}).flatMap(([mediaType, { examples }]) =>
        Object.entries(examples ?? {}).map(([name, { value }]) => ({
          operation: `${method.toUpperCase()} ${path}`,
          status,
          mediaType,
          name,
          value,
        })),
      ),
    ),
  );
  const requestExamples = operations.flatMap(({ op }) =>
    Object.values((op.requestBody as { content?: Content } | undefined)?.content ?? {}).flatMap(({ examples }) =>
      Object.keys(examples ?? {}),
    ),
  );

  it("are named examples of openapi/components/examples, which requests and answers use up between them", () => {
    for (const { name, value } of answers) expect(value).toEqual(example(name));
    expect(new Set([...answers.map((a) => a.name), ...requestExamples])).toEqual(new Set(exampleFiles));
  });

  it("cover every documented answer that has a body", () => {
    const withBody = operations.flatMap(({ method, path, op }) =>
      Object.entries(op.responses as Record<string, { content?: Content }>).flatMap(([status, response]) =>
        Object.keys(response.content ?? {}).map(
          (mediaType) => `${method.toUpperCase()} ${path} ${status} ${mediaType}`,
        ),
      ),
    );
    // Seven answers per operation, less the six deletes' 204, which has no body.
    expect(withBody).toHaveLength(38 * 7 - 6);
    expect(new Set(answers.map((a) => `${a.operation} ${a.status} ${a.mediaType}`))).toEqual(new Set(withBody));
  });

  it.each(answers.map((a) => [a.name, a.operation, a.status, a.mediaType, a.value] as const))(
    "%s validates clean as %s %s",
    (_name, operation, status, mediaType, value) => {
      expect(responseViolations(operation, Number(status), mediaType, value)).toEqual([]);
    },
  );
});

describe("the schemas as answers are checked against them (forResponses)", () => {
  const link = `${SCHEMA_BASE}ResourceLink`;
  const full = `${SCHEMA_BASE}OrderItem`;

  it("drop additionalProperties: false and keep a typed one", () => {
    expect(forResponses({ type: "object", additionalProperties: false }, [])).toEqual({ type: "object" });
    const typed = { type: "object", additionalProperties: { type: "string" } };
    expect(forResponses(typed, [])).toEqual(typed);
  });

  it("drop the rules that only refuse what a client sends, not properties of those names", () => {
    const schema = {
      type: "object",
      properties: { ref: false, not: { type: "string" }, kind: { type: "string", not: { enum: ["FLIGHT"] } } },
    };
    expect(forResponses(schema, [])).toEqual({
      type: "object",
      properties: { not: { type: "string" }, kind: { type: "string" } },
    });
  });

  it("refuse writeOnly, which they cannot exempt answers from", () => {
    expect(() => forResponses({ properties: { secret: { type: "string", writeOnly: true } } }, [])).toThrow(
      /writeOnly/,
    );
  });

  it("tell a link from a full collection member by its fields", () => {
    expect(forResponses({ anyOf: [{ $ref: full }, { $ref: link }] }, ["href", "ref"])).toEqual({
      if: { type: "object", propertyNames: { enum: ["href", "ref"] } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword.
      then: { $ref: link },
      else: { $ref: full },
    });
    const other = { anyOf: [{ $ref: full }, { type: "string" }] };
    expect(forResponses(other, ["href", "ref"])).toEqual(other);
  });
});

describe("status ranges, default answers and media type ranges", () => {
  afterEach(() => {
    vi.doUnmock("../../generated/response-validators.js");
    vi.resetModules();
  });

  it("fall back from the status to its range, then to default, and from the media type to its ranges", async () => {
    const accept = Object.assign(() => true, { errors: null });
    const refuse = Object.assign(() => false, {
      errors: [{ instancePath: "/code", keyword: "type", params: {}, message: "must be integer" }],
    });
    vi.resetModules();
    vi.doMock("../../generated/response-validators.js", () => ({
      byOperation: {
        "GET /x": { "200": { "text/*": accept }, "204": null, "4XX": { "application/json": refuse } },
        "GET /y": { "201": { "*/*": accept }, default: { "application/json": refuse } },
      },
    }));
    const { responseViolations: check } = await import("../../src/validation/response-violations.js");
    const at = (...args: Parameters<typeof check>) => check(...args).map((v) => `${v.path} ${v.rule}`);
    expect(at("GET /x", 200, "text/csv", "a,b")).toEqual([]);
    expect(at("GET /x", 200, "application/json", {})).toEqual(["contentType contentType"]);
    expect(at("GET /x", 204, null, undefined)).toEqual([]);
    expect(at("GET /x", 404, JSON_TYPE, { code: "x" })).toEqual(["body.code type"]);
    expect(at("GET /x", 500, JSON_TYPE, {})).toEqual(["status status"]);
    expect(at("GET /y", 201, "image/png", "…")).toEqual([]);
    expect(at("GET /y", 503, JSON_TYPE, { code: "x" })).toEqual(["body.code type"]);
  });
});

describe("generated/response-validators.js", () => {
  it("imports and requires nothing", () => {
    const code = readFileSync(join(ROOT, "generated/response-validators.js"), "utf8");
    expect(code).not.toMatch(/\bimport\s*(?:[*{("']|\w+\s*(?:,|from\b))/);
    expect(code).not.toMatch(/\bexport\s*(?:\*|\{[^}]*\})\s*from\b/);
    expect(code).not.toMatch(/\brequire\s*\(/);
  });

  it("is not part of what importing the package loads", async () => {
    const { initial } = await measure("every export");
    expect(initial.sources.some(([path]) => path.startsWith("generated/request-validators"))).toBe(false);
    expect(initial.sources.some(([path]) => path.startsWith("generated/response-validators"))).toBe(false);
  });
});
