// Each fixture pair (fixtures/before.yaml, fixtures/<case>.yaml) holds one kind of edit; the
// comparison must report exactly the expected changes, each in the right group, at the
// right operation and path.
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../scripts/spec-diff/diff.js";
import type { Kind } from "../../scripts/spec-diff/rules.js";
import { fixture } from "./helpers.js";

type Group = "breaking" | "non-breaking";
type Expected = [group: Group, operation: string, path: string, kind: Kind];

const POST = "POST /v2.1/orders";
const GET = "GET /v2.1/orders/{orderRef}";

const CASES: Record<string, Expected[]> = {
  // Breaking.
  "operation-removed": [["breaking", GET, 'paths["/v2.1/orders/{orderRef}"].get', "operation-removed"]],
  "parameter-became-required": [["breaking", POST, "query.dryRun", "became-required"]],
  "request-field-became-required": [["breaking", POST, "body.price", "became-required"]],
  "required-request-field-added": [["breaking", POST, "body.currencyCode", "required-field-added"]],
  "request-field-removed": [["breaking", POST, "body.country", "field-removed"]],
  "request-enum-value-removed": [["breaking", POST, "body.paymentType", "enum-value-removed"]],
  "response-field-removed": [
    ["breaking", POST, "responses.201.body.price", "field-removed"],
    ["breaking", GET, "responses.200.body.price", "field-removed"],
  ],
  "response-field-became-optional": [
    ["breaking", POST, "responses.201.body.referenceId", "became-optional"],
    ["breaking", GET, "responses.200.body.referenceId", "became-optional"],
  ],
  "response-enum-value-added": [
    ["breaking", POST, "responses.201.body.status", "enum-value-added"],
    ["breaking", GET, "responses.200.body.status", "enum-value-added"],
  ],
  "type-changed": [["breaking", POST, "body.price", "type-changed"]],
  "response-type-nullable": [
    ["breaking", POST, "responses.201.body.price", "type-widened"],
    ["breaking", GET, "responses.200.body.price", "type-widened"],
  ],
  "const-changed": [
    ["breaking", POST, "body.source", "enum-value-removed"],
    ["non-breaking", POST, "body.source", "enum-value-added"],
  ],
  "limit-narrowed": [
    ["breaking", POST, "body.referenceId", "limit-narrowed"],
    ["breaking", POST, "body.price", "limit-narrowed"],
    ["breaking", POST, "body.country", "limit-narrowed"],
  ],
  "success-status-changed": [["breaking", POST, "responses", "success-status-changed"]],
  "operation-id-changed": [["breaking", GET, "operationId", "operation-id-changed"]],
  // A schema shared by a request and two responses: the same edit, classified at each.
  "shared-enum-value-added": [
    ["breaking", POST, "responses.201.body.channel", "enum-value-added"],
    ["breaking", GET, "responses.200.body.channel", "enum-value-added"],
    ["non-breaking", POST, "body.channel", "enum-value-added"],
  ],
  // Non-breaking.
  "operation-added": [
    ["non-breaking", "DELETE /v2.1/orders/{orderRef}", 'paths["/v2.1/orders/{orderRef}"].delete', "operation-added"],
  ],
  "optional-request-field-added": [["non-breaking", POST, "body.notes", "field-added"]],
  "optional-parameter-added": [["non-breaking", POST, "query.trace", "field-added"]],
  "response-field-added": [
    ["non-breaking", POST, "responses.201.body.createdAt", "field-added"],
    ["non-breaking", GET, "responses.200.body.createdAt", "field-added"],
  ],
  "description-changed": [
    ["non-breaking", POST, "body.referenceId", "annotation-changed"],
    ["non-breaking", POST, "body.referenceId", "annotation-changed"],
    ["non-breaking", POST, "description", "annotation-changed"],
  ],
  "request-enum-value-added": [["non-breaking", POST, "body.paymentType", "enum-value-added"]],
  "request-type-nullable": [["non-breaking", POST, "body.price", "type-widened"]],
  "response-enum-value-removed": [
    ["non-breaking", POST, "responses.201.body.status", "enum-value-removed"],
    ["non-breaking", GET, "responses.200.body.status", "enum-value-removed"],
  ],
  "limit-widened": [
    ["non-breaking", POST, "body.referenceId", "limit-widened"],
    ["non-breaking", POST, "body.price", "limit-widened"],
    ["non-breaking", POST, "body.country", "limit-widened"],
  ],
};

describe("diffSpecs on the fixture pairs", () => {
  const before = fixture("before");

  it("reports nothing for a spec compared with itself", () => {
    expect(diffSpecs(before, fixture("before"))).toEqual([]);
  });

  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name}: ${expected.map(([group, , path]) => `${group} at ${path}`).join("; ")}`, () => {
      const found = diffSpecs(before, fixture(name)).map(
        ({ breaking, operation, path, kind }): Expected => [
          breaking ? "breaking" : "non-breaking",
          operation,
          path,
          kind,
        ],
      );
      expect(found).toEqual(expected);
    });
  }

  it("names the change in words a changelog can carry", () => {
    const messages = (name: string) => diffSpecs(before, fixture(name)).map(({ message }) => message);
    expect(messages("request-field-became-required")).toEqual(["request body field `price` is now required"]);
    expect(messages("limit-narrowed")).toEqual([
      "request body field `referenceId`: `maxLength` 64 → 32",
      "request body field `price`: `minimum` 0 → 1",
      'request body field `country`: `pattern` "^[A-Z]{2}$" → "^[A-Z]{3}$"',
    ]);
    expect(messages("success-status-changed")).toEqual(["success status changed from 201 to 200"]);
    expect(messages("response-type-nullable")[0]).toBe(
      "response body field `price`: type changed from number to number | null",
    );
  });
});
