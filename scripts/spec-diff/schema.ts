// Compares two dereferenced schemas at one place of an operation, reporting each change once
// through `emit`, which classifies it by the place's position (request or response).
import { covers, flatten, isNode, type Node, same, show, typesOf, valuesOf } from "./normalize.js";
import { type Emit, emitAdded, emitRequiredChange, key, subject } from "./rules.js";

/** Keywords that only document: a change to one changes no type and no check. */
export const ANNOTATIONS = new Set([
  "description",
  "summary",
  "title",
  "examples",
  "example",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "externalDocs",
  "tags",
]);

/** Where lowering the value narrows what is allowed. */
const UPPER = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
/** Where raising the value narrows what is allowed. */
const LOWER = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
/** Where adding or changing the value narrows what is allowed (as far as can be told), removing it widens. */
const EXACT = ["pattern", "format", "multipleOf", "uniqueItems"];

const STRUCTURE = ["type", "nullable", "enum", "const", "properties", "required", "items", "additionalProperties"];
const HANDLED = new Set([...STRUCTURE, "allOf", "anyOf", "oneOf", ...UPPER, ...LOWER, ...EXACT]);

/** Reports keys outside `handled`: annotations as such, anything else as a change to review. */
export function compareRest(before: Node, after: Node, handled: Set<string>, path: string, emit: Emit): void {
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (handled.has(k) || same(before[k], after[k])) continue;
    const message = path === "" ? `\`${k}\` changed` : `${subject(path)}: \`${k}\` changed`;
    emit(ANNOTATIONS.has(k) ? "annotation-changed" : "other-changed", path === "" ? k : path, message);
  }
}

const list = (types: Set<string> | undefined) => (types ? [...types].join(" | ") || "nothing" : "any type");

/** Reports a change of type; false when the types have nothing in common, so comparing further is noise. */
function compareTypes(before: Node, after: Node, path: string, emit: Emit): boolean {
  const b = typesOf(before);
  const a = typesOf(after);
  const widened = b !== undefined && (a === undefined || [...a].some((type) => !covers(b, type)));
  const narrowed = a !== undefined && (b === undefined || [...b].some((type) => !covers(a, type)));
  if (!widened && !narrowed) return true;
  const kind = widened && narrowed ? "type-changed" : widened ? "type-widened" : "type-narrowed";
  emit(kind, path, `${subject(path)}: type changed from ${list(b)} to ${list(a)}`);
  return !(a && b && [...a].every((type) => !covers(b, type)) && [...b].every((type) => !covers(a, type)));
}

function compareValues(before: Node, after: Node, path: string, emit: Emit): void {
  const b = valuesOf(before);
  const a = valuesOf(after);
  if (!a && !b) return;
  const s = subject(path);
  if (!b) emit("type-narrowed", path, `${s} is now limited to ${a!.values.map(show).join(", ")}`);
  else if (!a) emit("type-widened", path, `${s} is no longer limited to ${b.values.map(show).join(", ")}`);
  else compareValueLists(a.keyword, b.values, a.values, path, emit);
}

function compareValueLists(keyword: string, b: unknown[], a: unknown[], path: string, emit: Emit): void {
  const s = subject(path);
  for (const value of a.filter((v) => !b.some((w) => same(v, w))))
    emit("enum-value-added", path, `${s}: ${keyword} value ${show(value)} added`);
  for (const value of b.filter((v) => !a.some((w) => same(v, w))))
    emit("enum-value-removed", path, `${s}: ${keyword} value ${show(value)} removed`);
}

function compareProperties(before: Node, after: Node, path: string, emit: Emit): void {
  const b = (isNode(before.properties) ? before.properties : {}) as Node;
  const a = (isNode(after.properties) ? after.properties : {}) as Node;
  const bRequired = new Set(Array.isArray(before.required) ? before.required : []);
  const aRequired = new Set(Array.isArray(after.required) ? after.required : []);
  for (const name of new Set([...Object.keys(b), ...bRequired, ...Object.keys(a), ...aRequired] as string[])) {
    const at = `${path}${key(name)}`;
    const inBefore = name in b || bRequired.has(name);
    const inAfter = name in a || aRequired.has(name);
    if (!inAfter) emit("field-removed", at, `${subject(at)} removed`);
    else if (!inBefore) emitAdded(emit, at, aRequired.has(name));
    else {
      emitRequiredChange(emit, at, bRequired.has(name), aRequired.has(name));
      compareSchema(b[name], a[name], at, emit);
    }
  }
}

function compareVariants(before: Node, after: Node, path: string, emit: Emit): void {
  for (const keyword of ["anyOf", "oneOf"]) {
    const b = Array.isArray(before[keyword]) ? (before[keyword] as unknown[]) : [];
    const a = Array.isArray(after[keyword]) ? (after[keyword] as unknown[]) : [];
    if (b.length === 0 || a.length === 0) {
      if (b.length !== a.length) emit("other-changed", path, `${subject(path)}: \`${keyword}\` changed`);
      continue;
    }
    for (let index = 0; index < Math.max(b.length, a.length); index++) {
      const at = `${path}.${keyword}[${index}]`;
      if (index >= a.length) emit("variant-removed", at, `${subject(path)}: ${keyword} variant ${index} removed`);
      else if (index >= b.length) emit("variant-added", at, `${subject(path)}: ${keyword} variant ${index} added`);
      else compareSchema(b[index], a[index], at, emit);
    }
  }
}

const limit = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : String(value));

function compareLimits(before: Node, after: Node, path: string, emit: Emit): void {
  for (const k of [...UPPER, ...LOWER, ...EXACT]) {
    const b = before[k];
    const a = after[k];
    if (same(b, a)) continue;
    const narrowed =
      a !== undefined &&
      (UPPER.includes(k)
        ? b === undefined || (a as number) < (b as number)
        : LOWER.includes(k)
          ? b === undefined || (a as number) > (b as number)
          : k !== "uniqueItems" || a === true);
    const change =
      b === undefined ? `${limit(a)} added` : a === undefined ? `${limit(b)} removed` : `${limit(b)} → ${limit(a)}`;
    emit(narrowed ? "limit-narrowed" : "limit-widened", path, `${subject(path)}: \`${k}\` ${change}`);
  }
}

/** Compares two schemas found at `path`, recursing into properties, items, additional properties and variants. */
export function compareSchema(beforeSchema: unknown, afterSchema: unknown, path: string, emit: Emit): void {
  const before = flatten(beforeSchema);
  const after = flatten(afterSchema);
  if (before === false || after === false) {
    if (before !== after)
      emit(
        after === false ? "type-narrowed" : "type-widened",
        path,
        `${subject(path)} is now ${after ? "allowed" : "forbidden"}`,
      );
    return;
  }
  if (!compareTypes(before, after, path, emit)) return;
  compareValues(before, after, path, emit);
  compareProperties(before, after, path, emit);
  if (before.items !== undefined || after.items !== undefined)
    compareSchema(before.items, after.items, `${path}[]`, emit);
  if (before.additionalProperties !== undefined || after.additionalProperties !== undefined)
    compareSchema(before.additionalProperties, after.additionalProperties, `${path}.*`, emit);
  compareVariants(before, after, path, emit);
  compareLimits(before, after, path, emit);
  compareRest(before, after, HANDLED, path, emit);
}
