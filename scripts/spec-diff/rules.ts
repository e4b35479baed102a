// What each kind of spec change means for code that uses the generated types or the client.
// A request holds what the caller writes and the client validates before sending; a response
// holds what the caller reads through the generated types. So a change that lets fewer
// values be sent, or more kinds of values be read, is breaking; its mirror image is not.

/** Where a change sits: in something the caller sends, or in something it receives. */
export type Position = "request" | "response";

export interface Verdict {
  /** Whether the change breaks callers when it is in a request (parameters, request body). */
  request: boolean;
  /** Whether the change breaks callers when it is in a response. */
  response: boolean;
  /** One line for docs/releasing.md's table: why. */
  why: string;
}

const both = (breaking: boolean, why: string): Verdict => ({ request: breaking, response: breaking, why });

/** The rule table; docs/releasing.md shows it and a test keeps the two the same. */
export const RULES = {
  "operation-removed": both(true, "calls to it no longer compile"),
  "operation-added": both(false, "nothing existing changes"),
  "operation-id-changed": both(true, "the exported `operations` type is keyed by operationId"),
  "component-removed": both(true, "the exported `components` type loses the schema"),
  "component-added": both(false, "nothing existing changes"),
  "success-status-changed": both(true, "`data` is typed from the 2xx responses"),
  "error-status-changed": both(false, "error answers are typed errors whatever their status"),
  "media-type-removed": both(true, "a body of that type is no longer described"),
  "media-type-added": both(false, "the existing media types stay"),
  "field-added": {
    request: false,
    response: false,
    why: "an optional field or parameter may be left out; a new response field may be ignored",
  },
  "required-field-added": {
    request: true,
    response: false,
    why: "existing calls do not send it; in a response it is just a new field",
  },
  "field-removed": both(true, "TypeScript rejects the unknown property a call still sets; code reading it breaks"),
  "became-required": { request: true, response: false, why: "existing calls may leave it out" },
  "became-optional": { request: false, response: true, why: "code reading it must now handle `undefined`" },
  "enum-value-added": { request: false, response: true, why: "a switch over the values misses the new one" },
  "enum-value-removed": { request: true, response: false, why: "calls sending that value are refused" },
  "type-widened": { request: false, response: true, why: "more values may be sent; more kinds may be read" },
  "type-narrowed": { request: true, response: false, why: "fewer values may be sent; fewer kinds may be read" },
  "type-changed": both(true, "some values both ways no longer fit"),
  "limit-narrowed": { request: true, response: false, why: "the client refuses values it used to send" },
  "limit-widened": both(false, "every value that fitted still fits; types do not change"),
  "variant-added": { request: false, response: true, why: "anyOf/oneOf: one more shape to send, or to handle" },
  "variant-removed": { request: true, response: false, why: "anyOf/oneOf: one shape fewer to send, or to handle" },
  "annotation-changed": both(false, "descriptions, examples, summaries and the like change no type or check"),
  "other-changed": both(true, "a change the tool does not classify: review it"),
} satisfies Record<string, Verdict>;

export type Kind = keyof typeof RULES;

export interface Change {
  kind: Kind;
  breaking: boolean;
  /** `POST /v2.1/orders`, or `components` for a change to the named component schemas. */
  operation: string;
  /** Where in the operation: `body.referenceId`, `query.limit`, `responses.201.body.items[].ref`. */
  path: string;
  /** What changed, without the operation and path. */
  message: string;
}

/** A change found while comparing one operation's pieces, before it is given its operation. */
export type Finding = Omit<Change, "breaking" | "operation">;

/** Something that takes findings, classified by where they were found. */
export type Emit = (kind: Kind, path: string, message: string) => void;

/** An `Emit` for one operation and position, pushing classified changes to `into`. */
export function emitterFor(into: Change[], operation: string, position: Position): Emit {
  return (kind, path, message) => into.push({ kind, breaking: RULES[kind][position], operation, path, message });
}

/** How a message names the thing at `path`: a parameter, a request body field or a response field. */
export function subject(path: string): string {
  const parameter = /^(path|query|header|cookie)\.(.+)$/.exec(path);
  if (parameter) return `${parameter[1]} parameter \`${parameter[2]}\``;
  const body = /^(responses\.[^.]+\.)?body(\([^)]+\))?(.*)$/.exec(path);
  if (!body) return `\`${path}\``;
  const side = body[1] ? "response" : "request";
  const field = body[3]!.replace(/^\./, "");
  return field === "" ? `${side} body` : `${side} body field \`${field}\``;
}

/** A property's path segment: `.name`, or `["odd name"]` when it is not a plain identifier. */
export function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** Reports a field, parameter or body that was added: breaking in a request when it is required. */
export function emitAdded(emit: Emit, path: string, required: boolean, what: string = subject(path)): void {
  emit(required ? "required-field-added" : "field-added", path, `${what} added${required ? ", required" : ""}`);
}

/** Reports a field, parameter or body that became required, or optional. */
export function emitRequiredChange(emit: Emit, path: string, was: boolean, is: boolean, what = subject(path)): void {
  if (was !== is)
    emit(is ? "became-required" : "became-optional", path, `${what} is now ${is ? "required" : "optional"}`);
}
