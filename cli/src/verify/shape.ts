// What `verify` knows of the spec at run time, generated from it (spec-shapes.generated.ts,
// by scripts/generate-verify-shapes.ts): each operation's documented success, and the fields
// each component schema documents, to find the fields an answer has beyond them.

/** The fields a value in an answer may have as the spec documents them. */
export interface Shape {
  /** The documented fields, each with what is documented of its value. */
  fields?: Record<string, ShapeRef>;
  /** What is documented of an array's members. */
  items?: ShapeRef;
  /** Alternatives (anyOf or oneOf): a value is taken as the one it fits best. */
  anyOf?: ShapeRef[];
  /** Any field is documented (additionalProperties, or a free-form object). */
  open?: true;
}

/** A shape, or the name of the component schema that is one. */
export type ShapeRef = Shape | string;

/** An operation of the spec, as `verify` expects it to answer. */
export interface SpecOperation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** The documented success status. */
  status: number;
  /** The component schema of that answer's body; absent when it has none. */
  schema?: string;
}
