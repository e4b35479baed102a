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

export type SpecAjv = InstanceType<typeof Ajv2020.default>;

/**
 * An ajv instance that knows every component schema of `spec` (a bundled spec, see
 * `loadBundledSpec`). `source` keeps the generated code, for standalone output.
 */
export function createSpecAjv(spec: Record<string, unknown>, options: { source?: boolean } = {}): SpecAjv {
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
  for (const [name, schema] of Object.entries((spec.components as { schemas: Record<string, Schema> }).schemas)) {
    ajv.addSchema(prepare(schema) as Schema, `${SCHEMA_BASE}${name}`);
  }
  return ajv;
}
