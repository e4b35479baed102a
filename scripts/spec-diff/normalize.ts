// Puts a dereferenced JSON Schema (OpenAPI 3.1) in one shape before comparing: `allOf`
// merged into one schema, `false` properties dropped (a forbidden field is an absent one),
// so that the same set of allowed values reads the same however it was composed.

export type Node = Record<string, unknown>;

/** Keys whose values are compared as one, by deep equality. */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

export function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];

/** Merges one `allOf` member into a schema: properties and `required` are unions, limits the stricter. */
function mergeInto(base: Node, member: Node): Node {
  const merged: Node = { ...member, ...base };
  const properties = { ...(member.properties as Node | undefined) };
  for (const [name, schema] of Object.entries((base.properties as Node | undefined) ?? {})) {
    properties[name] = name in properties ? { allOf: [properties[name], schema] } : schema;
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  const required = [...new Set([...asArray(member.required), ...asArray(base.required)])];
  if (required.length > 0) merged.required = required;
  const baseTypes = typesOf(base);
  const memberTypes = typesOf(member);
  if (baseTypes && memberTypes) merged.type = [...baseTypes].filter((type) => covers(memberTypes, type));
  for (const [keys, pick] of [
    [UPPER_BOUNDS, Math.min],
    [LOWER_BOUNDS, Math.max],
  ] as const) {
    for (const k of keys) {
      if (typeof base[k] === "number" && typeof member[k] === "number") merged[k] = pick(base[k], member[k]);
    }
  }
  return merged;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The schema with `allOf` merged in and `false` properties dropped, nested schemas left as
 * they are; `true` and a missing schema become `{}`, and `false` (nothing allowed) stays.
 */
export function flatten(schema: unknown): Node | false {
  if (schema === undefined || schema === true) return {};
  if (!isNode(schema)) return schema === false ? false : {};
  const { allOf, ...rest } = schema;
  let merged: Node = rest;
  for (const member of asArray(allOf)) {
    const flat = flatten(member);
    if (flat === false) return false;
    merged = mergeInto(merged, flat);
  }
  if (isNode(merged.properties)) {
    merged.properties = Object.fromEntries(
      Object.entries(merged.properties).filter(([, property]) => flatten(property) !== false),
    );
  }
  return merged;
}

/** The schema's types, `integer` kept apart from `number`; `undefined` when any type is allowed. */
export function typesOf(schema: Node): Set<string> | undefined {
  const { type } = schema;
  if (typeof type === "string") return new Set(schema.nullable === true ? [type, "null"] : [type]);
  if (Array.isArray(type)) return new Set(type as string[]);
  return undefined;
}

/** Whether values of `type` are among `types` (any `integer` is a `number`). */
export function covers(types: Set<string> | undefined, type: string): boolean {
  return types === undefined || types.has(type) || (type === "integer" && types.has("number"));
}

/** The values an `enum` or `const` limits the schema to, with the keyword; `undefined` when not limited. */
export function valuesOf(schema: Node): { keyword: "enum" | "const"; values: unknown[] } | undefined {
  if ("const" in schema) return { keyword: "const", values: [schema.const] };
  if (Array.isArray(schema.enum)) return { keyword: "enum", values: schema.enum };
  return undefined;
}

/** A value as messages show it. */
export function show(value: unknown): string {
  return `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;
}
