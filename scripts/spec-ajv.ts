// The ajv set-up shared by everything that validates against the spec: the generated request
// validators and the fake API's response checks compile the same schemas with the same options.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Schema } from "./spec.js";

// Each component schema gets its own id, so a validator embeds only what it references.
export const SCHEMA_BASE = "https://cdp-orders.schema/";

// Annotations do not validate anything; dropping them keeps the generated code small.
const ANNOTATIONS = new Set(["description", "summary", "examples", "example", "readOnly", "externalDocs", "title"]);

const INT32 = { minimum: -(2 ** 31), maximum: 2 ** 31 - 1 };

/**
 * OpenAPI's `format: int32` as the bounds it stands for (ajv knows no such format), kept
 * where the schema's own bounds are tighter.
 */
function int32Bounds(node: Record<string, unknown>): Record<string, unknown> {
  if (node.format !== "int32") return node;
  const { format: _format, ...rest } = node;
  return {
    ...rest,
    minimum: Math.max(Number(node.minimum ?? INT32.minimum), INT32.minimum),
    maximum: Math.min(Number(node.maximum ?? INT32.maximum), INT32.maximum),
  };
}

/**
 * Rewrites `#/components/schemas/X` refs to the ids the component schemas are added
 * under, drops annotations and turns `int32` into bounds. Property names are never touched.
 */
export function prepare(node: unknown, inProperties = false): unknown {
  if (Array.isArray(node)) return node.map((item) => prepare(item));
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(inProperties ? node : int32Bounds(node as Record<string, unknown>))
      .filter(([key]) => inProperties || !ANNOTATIONS.has(key))
      .map(([key, value]) => [
        key,
        key === "$ref" && typeof value === "string"
          ? value.replace("#/components/schemas/", SCHEMA_BASE)
          : prepare(value, !inProperties && key === "properties"),
      ]),
  );
}

/** The component schema of a collection member that `expand=true` does not expand. */
const LINK_SCHEMA = `${SCHEMA_BASE}ResourceLink`;

/**
 * A prepared schema as a response is checked against it. An answer may carry fields the spec
 * does not list, so `additionalProperties: false` is dropped (a typed `additionalProperties`,
 * such as a data extension's pairs, stays). The rules that only refuse what a client may
 * send go too: `false` property schemas (fields Sitecore CDP assigns) and `not` (in this spec,
 * reserved order item types and extension keys, refused on input only). `writeOnly` is
 * refused, since nothing here would exempt responses from its field being required.
 *
 * A collection member is a link (`ResourceLink`) or, with `expand=true`, the full object.
 * The link branch requires only `href` and lets other fields through, so it would accept
 * any expanded member, however broken. A member with no field but `linkFields` is therefore
 * checked as a link, and any other as the full object.
 */
export function forResponses(node: unknown, linkFields: string[], inProperties = false): unknown {
  if (Array.isArray(node)) return node.map((item) => forResponses(item, linkFields));
  if (node === null || typeof node !== "object") return node;
  const entries = Object.entries(node).filter(([key, value]) =>
    inProperties ? value !== false : !(key === "not" || (key === "additionalProperties" && value === false)),
  );
  if (!inProperties && "writeOnly" in node) throw new Error("writeOnly is not supported in response schemas yet");
  const schema = Object.fromEntries(
    entries.map(([key, value]) => [key, forResponses(value, linkFields, !inProperties && key === "properties")]),
  );
  const branches = schema.anyOf as Record<string, unknown>[] | undefined;
  if (inProperties || branches?.length !== 2 || !branches.some((b) => b.$ref === LINK_SCHEMA)) return schema;
  const { anyOf: _anyOf, ...rest } = schema;
  return {
    ...rest,
    if: { type: "object", propertyNames: { enum: linkFields } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, in a schema object.
    then: branches.find((b) => b.$ref === LINK_SCHEMA),
    else: branches.find((b) => b.$ref !== LINK_SCHEMA),
  };
}

export type SpecAjv = InstanceType<typeof Ajv2020.default>;

/**
 * An ajv instance that knows every component schema of `spec` (a bundled spec, see
 * `loadBundledSpec`). `source` keeps the generated code, for standalone output; `responses`
 * adds the component schemas as responses are checked against them (see `forResponses`).
 */
export function createSpecAjv(
  spec: Record<string, unknown>,
  options: { source?: boolean; responses?: boolean } = {},
): SpecAjv {
  // These CommonJS packages expose their main export as `.default` to ES modules.
  const ajv = new Ajv2020.default({
    ...(options.source ? { code: { source: true, esm: true, lines: false } } : {}),
    allErrors: true,
    strict: true,
    // Rules such as "exactly one of these parameters" require names defined elsewhere in the schema.
    strictRequired: false,
    allowUnionTypes: true,
  });
  addFormats.default(ajv, ["date-time", "date", "uuid", "uri"]);
  ajv.addKeyword("example");
  const schemas = (spec.components as { schemas: Record<string, Schema> }).schemas;
  const linkFields = Object.keys((schemas.ResourceLink?.properties as object | undefined) ?? {});
  for (const [name, schema] of Object.entries(schemas)) {
    const prepared = prepare(schema);
    ajv.addSchema(
      (options.responses ? forResponses(prepared, linkFields) : prepared) as Schema,
      `${SCHEMA_BASE}${name}`,
    );
  }
  return ajv;
}
