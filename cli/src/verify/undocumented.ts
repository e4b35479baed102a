// The fields an answer has beyond what the spec documents: candidates for the spec. The answer
// is walked against the shape of its schema (spec-shapes.generated.ts); each field found is
// named by the nearest component schema around it and its path within that schema.
import { SCHEMAS } from "./spec-shapes.generated.js";
import type { Shape, ShapeRef } from "./shape.js";

export interface UndocumentedField {
  schema: string;
  /** Its path within the schema: `loyaltyTier`, `items[].loyaltyTier`. */
  field: string;
}

interface At {
  schema: string;
  path: string;
}

const join = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);

function walk(ref: ShapeRef, value: unknown, at: At, found: UndocumentedField[]): void {
  // A schema the generated shapes lack documents nothing that could be checked.
  const shape: Shape = typeof ref === "string" ? (SCHEMAS[ref] ?? { open: true }) : ref;
  const here = typeof ref === "string" ? { schema: ref, path: "" } : at;
  if (shape.anyOf) walk(bestFit(shape.anyOf, value, here), value, here, found);
  if (Array.isArray(value)) {
    const { items } = shape;
    if (items) for (const member of value) walk(items, member, { ...here, path: `${here.path}[]` }, found);
    return;
  }
  if (value === null || typeof value !== "object" || !shape.fields) return;
  for (const [key, child] of Object.entries(value)) {
    const documented = shape.fields[key];
    if (documented !== undefined) walk(documented, child, { ...here, path: join(here.path, key) }, found);
    else if (!shape.open) found.push({ schema: here.schema, field: join(here.path, key) });
  }
}

const fieldCount = (ref: ShapeRef) => Object.keys((typeof ref === "string" ? SCHEMAS[ref] : ref)?.fields ?? {}).length;

/**
 * The alternative the value fits best: the one that leaves the fewest fields undocumented,
 * and of those the one that documents the fewest (a link is a ResourceLink, not an Order).
 */
function bestFit(alternatives: ShapeRef[], value: unknown, at: At): ShapeRef {
  const scored = alternatives.map((alternative) => {
    const found: UndocumentedField[] = [];
    walk(alternative, value, at, found);
    return { alternative, undocumented: found.length, documented: fieldCount(alternative) };
  });
  scored.sort((a, b) => a.undocumented - b.undocumented || a.documented - b.documented);
  return scored[0]!.alternative;
}

/** The fields of an answer whose body is `schema` (a component's name) that the spec does not document. */
export function undocumentedFields(schema: string, body: unknown): UndocumentedField[] {
  const found: UndocumentedField[] = [];
  walk(schema, body, { schema, path: "" }, found);
  const seen = new Set<string>();
  return found.filter(({ schema, field }) => !seen.has(`${schema}\n${field}`) && seen.add(`${schema}\n${field}`));
}
