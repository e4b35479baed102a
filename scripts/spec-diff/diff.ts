// The whole comparison: operations, the names of the component schemas, and the document's
// top-level keys.
import { isNode, type Node, same } from "./normalize.js";
import { compareOperations, entries, union } from "./operations.js";
import { type Change, emitterFor } from "./rules.js";

/** The names of the component schemas, which the generated `components` type exports. */
function compareComponents(before: Node, after: Node, changes: Change[]): void {
  const emit = emitterFor(changes, "components", "response");
  const schemas = (spec: Node) =>
    new Set(entries(isNode(spec.components) ? spec.components.schemas : {}).map(([name]) => name));
  const [b, a] = [schemas(before), schemas(after)];
  for (const name of union(b, a)) {
    const at = `components.schemas${name.includes(".") ? `[${JSON.stringify(name)}]` : `.${name}`}`;
    if (!a.has(name)) emit("component-removed", at, `component schema \`${name}\` removed`);
    else if (!b.has(name)) emit("component-added", at, `component schema \`${name}\` added`);
  }
}

/** Top-level keys besides `paths` and `components`: `info`, `tags` and `externalDocs` only document. */
function compareDocument(before: Node, after: Node, changes: Change[]): void {
  const emit = emitterFor(changes, "document", "request");
  for (const k of union(Object.keys(before), Object.keys(after))) {
    if (k === "paths" || k === "components" || same(before[k], after[k])) continue;
    const documents = ["info", "tags", "externalDocs"].includes(k);
    emit(documents ? "annotation-changed" : "other-changed", k, `\`${k}\` changed`);
  }
  const securitySchemes = (spec: Node) => (isNode(spec.components) ? spec.components.securitySchemes : undefined);
  if (!same(securitySchemes(before), securitySchemes(after)))
    emit("other-changed", "components.securitySchemes", "`components.securitySchemes` changed");
}

/**
 * Every change from `before` to `after` (both dereferenced): operations in document order,
 * then component names, then the document's own keys; the breaking ones first.
 */
export function diffSpecs(before: Node, after: Node): Change[] {
  const changes: Change[] = [];
  compareOperations(before, after, changes);
  compareComponents(before, after, changes);
  compareDocument(before, after, changes);
  return [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)];
}
