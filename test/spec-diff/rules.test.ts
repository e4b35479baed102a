// The same schema edit, compared once as a request body and once as a response body: the
// kind found and whether it breaks in each position, for every rule that depends on it.
import { describe, expect, it } from "vitest";
import { flatten } from "../../scripts/spec-diff/normalize.js";
import { type Change, emitterFor, type Kind, type Position, RULES, subject } from "../../scripts/spec-diff/rules.js";
import { compareSchema } from "../../scripts/spec-diff/schema.js";
import { page } from "../readme/pages.js";
import { tableUnder } from "../readme/snippets.js";

/** The changes found between two schemas placed at `body` in the given position. */
function compare(before: unknown, after: unknown, position: Position): Change[] {
  const changes: Change[] = [];
  compareSchema(
    before,
    after,
    position === "request" ? "body" : "responses.200.body",
    emitterFor(changes, "op", position),
  );
  return changes;
}

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: "object",
  properties,
  required,
});
const text = { type: "string" };

type Row = [edit: string, before: unknown, after: unknown, kind: Kind, request: boolean, response: boolean];

const ROWS: Row[] = [
  ["optional field added", object({}), object({ a: text }), "field-added", false, false],
  ["required field added", object({}), object({ a: text }, ["a"]), "required-field-added", true, false],
  ["field removed", object({ a: text }), object({}), "field-removed", true, true],
  ["field made required", object({ a: text }), object({ a: text }, ["a"]), "became-required", true, false],
  ["field made optional", object({ a: text }, ["a"]), object({ a: text }), "became-optional", false, true],
  ["enum value added", { enum: ["A"] }, { enum: ["A", "B"] }, "enum-value-added", false, true],
  ["enum value removed", { enum: ["A", "B"] }, { enum: ["A"] }, "enum-value-removed", true, false],
  ["free string limited to an enum", text, { ...text, enum: ["A"] }, "type-narrowed", true, false],
  ["enum dropped", { ...text, enum: ["A"] }, text, "type-widened", false, true],
  ["null allowed (3.1 type list)", text, { type: ["string", "null"] }, "type-widened", false, true],
  ["null allowed (3.0 nullable)", text, { ...text, nullable: true }, "type-widened", false, true],
  ["null no longer allowed", { type: ["string", "null"] }, text, "type-narrowed", true, false],
  ["integer to number", { type: "integer" }, { type: "number" }, "type-widened", false, true],
  ["number to integer", { type: "number" }, { type: "integer" }, "type-narrowed", true, false],
  ["string to boolean", text, { type: "boolean" }, "type-changed", true, true],
  ["maxItems lowered", { type: "array", maxItems: 5 }, { type: "array", maxItems: 4 }, "limit-narrowed", true, false],
  ["minLength raised", { ...text, minLength: 1 }, { ...text, minLength: 2 }, "limit-narrowed", true, false],
  ["maximum added", { type: "number" }, { type: "number", maximum: 9 }, "limit-narrowed", true, false],
  ["format added", text, { ...text, format: "uuid" }, "limit-narrowed", true, false],
  ["maximum raised", { type: "number", maximum: 9 }, { type: "number", maximum: 10 }, "limit-widened", false, false],
  ["pattern removed", { ...text, pattern: "^a" }, text, "limit-widened", false, false],
  ["anyOf variant added", { anyOf: [text] }, { anyOf: [text, { type: "number" }] }, "variant-added", false, true],
  ["oneOf variant removed", { oneOf: [text, { type: "number" }] }, { oneOf: [text] }, "variant-removed", true, false],
  [
    "description changed",
    { ...text, description: "a" },
    { ...text, description: "b" },
    "annotation-changed",
    false,
    false,
  ],
  ["examples changed", { ...text, examples: ["a"] }, { ...text, examples: ["b"] }, "annotation-changed", false, false],
  ["an unclassified keyword changed", { propertyNames: { pattern: "^a" } }, {}, "other-changed", true, true],
];

describe("one edit, in a request and in a response", () => {
  for (const [edit, before, after, kind, request, response] of ROWS) {
    it(`${edit}: ${kind}, ${request ? "breaking" : "non-breaking"} in a request, ${response ? "breaking" : "non-breaking"} in a response`, () => {
      const inRequest = compare(before, after, "request");
      const inResponse = compare(before, after, "response");
      expect(inRequest.map((c) => [c.kind, c.breaking])).toEqual([[kind, request]]);
      expect(inResponse.map((c) => [c.kind, c.breaking])).toEqual([[kind, response]]);
    });
  }

  it("recurses into array items and additional properties, naming the path", () => {
    const before = object({
      lines: { type: "array", items: object({ sku: text }) },
      ext: { additionalProperties: text },
    });
    const after = object({
      lines: { type: "array", items: object({}) },
      ext: { additionalProperties: { type: "number" } },
    });
    expect(compare(before, after, "request").map((c) => [c.path, c.kind])).toEqual([
      ["body.lines[].sku", "field-removed"],
      ["body.ext.*", "type-changed"],
    ]);
  });
});

describe("normalizing before comparing", () => {
  it("merges allOf, so a schema reads the same however it is composed", () => {
    const composed = { allOf: [object({ a: text }), { required: ["a"] }, object({ b: text })] };
    expect(compare(composed, object({ a: text, b: text }, ["a"]), "request")).toEqual([]);
    expect(flatten(composed)).toEqual({ type: ["object"], properties: { a: text, b: text }, required: ["a"] });
  });

  it("sees a required dropped from an allOf member as the field made optional", () => {
    const before = { allOf: [object({ a: text }), { required: ["a"] }] };
    const after = { allOf: [object({ a: text })] };
    expect(compare(before, after, "response").map((c) => [c.path, c.kind, c.breaking])).toEqual([
      ["responses.200.body.a", "became-optional", true],
    ]);
  });

  it("counts a forbidden (false) property as absent, and a property made false as removed", () => {
    expect(compare(object({ ref: false }), object({}), "request")).toEqual([]);
    expect(compare(object({ ref: text }), object({ ref: false }), "request").map((c) => c.kind)).toEqual([
      "field-removed",
    ]);
  });

  it("treats a const as a one-value enum", () => {
    expect(compare({ const: "a" }, { enum: ["a", "b"] }, "request").map((c) => c.kind)).toEqual(["enum-value-added"]);
  });
});

describe("subject", () => {
  it.each([
    ["body", "request body"],
    ["body.a.b[]", "request body field `a.b[]`"],
    ["body(text/plain).a", "request body field `a`"],
    ["responses.201.body", "response body"],
    ["responses.201.body.items[].ref", "response body field `items[].ref`"],
    ["query.limit", "query parameter `limit`"],
    ["path.orderRef", "path parameter `orderRef`"],
    ["responses.404", "`responses.404`"],
  ])("%s is %s", (path, expected) => {
    expect(subject(path)).toBe(expected);
  });
});

describe("docs/releasing.md's rule table", () => {
  it("has one row per kind, with the code's verdicts and reasons, in the code's order", () => {
    const rows = tableUnder(page("docs/releasing.md").markdown, "What counts as breaking");
    for (const [, , request, response] of rows) {
      expect(["breaking", "non-breaking"]).toContain(request);
      expect(["breaking", "non-breaking"]).toContain(response);
    }
    const documented = rows.map(([, kind, request, response, why]) => [
      kind!.replace(/^`|`$/g, ""),
      request === "breaking",
      response === "breaking",
      why,
    ]);
    const coded = Object.entries(RULES).map(([kind, verdict]) => [
      kind,
      verdict.request,
      verdict.response,
      verdict.why,
    ]);
    expect(documented).toEqual(coded);
  });
});
