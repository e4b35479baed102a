// What the fake knows about the spec: how to route a request to its operation, how to read
// its query the way the spec types it, and the checks every request and response must pass.
// Requests go through the client's own generated validators; responses through validators
// compiled here, at start-up, from the same bundled spec with the same ajv set-up.
import type { ValidateFunction } from "ajv";
import { byOperation } from "../../generated/request-validators.js";
import { createSpecAjv, prepare } from "../../scripts/spec-ajv.js";
import { loadBundledSpec, operationsOf, type Schema } from "../../scripts/spec.js";
import type { Violation } from "../../src/errors/index.js";
import { toViolations } from "../../src/validation/violations.js";

type QueryType = "integer" | "boolean" | "string";

export interface SpecOperation {
  /** `METHOD /path/template`, the key of the generated request validators. */
  key: string;
  method: string;
  template: string;
  pattern: RegExp;
  pathNames: string[];
  queryTypes: Record<string, QueryType>;
  /** Declared statuses; `null` for an answer without a body. */
  responses: Map<number, ValidateFunction | null>;
}

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string };
}

interface ResponseObject {
  content?: Record<string, { schema: Schema }>;
}

function templatePattern(template: string): { pattern: RegExp; pathNames: string[] } {
  const pathNames: string[] = [];
  const source = template
    .split("/")
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      pathNames.push(name);
      return "([^/]+)";
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`), pathNames };
}

/** Compiles the spec's operations once; each fake server shares the result. */
export function loadSpecOperations(): SpecOperation[] {
  const spec = loadBundledSpec();
  const ajv = createSpecAjv(spec);
  return operationsOf(spec).map(({ method, path, op, pathParameters }) => {
    const parameters = [...pathParameters, ...(op.parameters ?? [])] as Parameter[];
    const queryTypes = Object.fromEntries(
      parameters
        .filter((p) => p.in === "query")
        .map(
          (p) =>
            [p.name, p.schema?.type === "integer" || p.schema?.type === "boolean" ? p.schema.type : "string"] as const,
        ),
    );
    const responses = new Map<number, ValidateFunction | null>();
    for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, ResponseObject>)) {
      const schema = response.content?.["application/json"]?.schema;
      responses.set(Number(status), schema === undefined ? null : ajv.compile(prepare(schema) as Schema));
    }
    return {
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      template: path,
      ...templatePattern(path),
      queryTypes,
      responses,
    };
  });
}

/** Reads query values as the spec types them; a value that does not parse stays a string, so validation reports it. */
export function typedQuery(search: URLSearchParams, types: Record<string, QueryType>): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [name, value] of search) {
    const type = types[name];
    if (type === "integer" && /^-?\d+$/.test(value)) query[name] = Number(value);
    else if (type === "boolean" && (value === "true" || value === "false")) query[name] = value === "true";
    else query[name] = value;
  }
  return query;
}

/** The request's violations of the spec, by the same validators the client runs before sending. */
export function requestViolations(
  operation: SpecOperation,
  parts: { path: unknown; query: unknown; body?: unknown },
): Violation[] {
  const validate = byOperation[operation.key];
  if (!validate) return [{ path: "", rule: "operation", message: `${operation.key} has no request validator` }];
  const data = { path: parts.path, query: parts.query, ...(parts.body === undefined ? {} : { body: parts.body }) };
  return validate(data) ? [] : toViolations(validate.errors ?? [], data);
}

/** Why an answer breaks the spec, or undefined when it matches. */
export function responseProblem(operation: SpecOperation, status: number, body: unknown): string | undefined {
  if (!operation.responses.has(status)) return `${operation.key} does not declare HTTP ${status}`;
  const validate = operation.responses.get(status);
  if (validate === null || validate === undefined)
    return body === undefined ? undefined : `HTTP ${status} of ${operation.key} has no body in the spec`;
  if (validate(body)) return undefined;
  const details = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`).join("; ");
  return `HTTP ${status} of ${operation.key} breaks its schema: ${details}`;
}
