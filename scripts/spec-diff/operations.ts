// Compares two dereferenced OpenAPI documents operation by operation. Every `$ref` is
// already replaced by its target, so a change to a shared component is reported at each
// operation that reaches it, with that operation's path to it.
import { isNode, type Node, same, show } from "./normalize.js";
import { type Change, type Emit, emitAdded, emitRequiredChange, emitterFor, subject } from "./rules.js";
import { compareRest, compareSchema } from "./schema.js";

const METHODS = ["get", "put", "post", "patch", "delete", "head", "options", "trace"];
const JSON_MEDIA_TYPE = "application/json";

interface Operation {
  /** `paths["/v2.1/orders"].post`: where the operation is in the document. */
  where: string;
  op: Node;
  /** The path item's parameters with the operation's own, keyed `query.limit`, `path.orderRef`, … */
  parameters: Map<string, Node>;
}

const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value.filter(isNode) : []);
export const entries = (value: unknown): [string, unknown][] => (isNode(value) ? Object.entries(value) : []);
export const union = (a: Iterable<string>, b: Iterable<string>) => [...new Set([...a, ...b])];

/** Every operation of a document by its label, `POST /v2.1/orders`, in document order. */
function operations(spec: Node): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, item] of entries(spec.paths)) {
    if (!isNode(item)) continue;
    for (const method of METHODS.filter((m) => isNode(item[m]))) {
      const op = item[method] as Node;
      const parameters = new Map<string, Node>();
      for (const parameter of [...nodes(item.parameters), ...nodes(op.parameters)])
        parameters.set(`${parameter.in}.${parameter.name}`, parameter);
      found.set(`${method.toUpperCase()} ${path}`, {
        where: `paths[${JSON.stringify(path)}].${method}`,
        op,
        parameters,
      });
    }
  }
  return found;
}

function compareParameters(before: Map<string, Node>, after: Map<string, Node>, emit: Emit): void {
  for (const at of union(before.keys(), after.keys())) {
    const b = before.get(at);
    const a = after.get(at);
    if (!a) emit("field-removed", at, `${subject(at)} removed`);
    else if (!b) emitAdded(emit, at, a.required === true);
    else {
      emitRequiredChange(emit, at, b.required === true, a.required === true);
      compareSchema(b.schema, a.schema, at, emit);
      compareRest(b, a, new Set(["name", "in", "required", "schema"]), at, emit);
    }
  }
}

/** Compares the media types of a body; `application/json`'s schema is at `base`, another's at `base(type)`. */
function compareContent(before: unknown, after: unknown, base: string, emit: Emit): void {
  const b = new Map(entries(before));
  const a = new Map(entries(after));
  for (const type of union(b.keys(), a.keys())) {
    const at = type === JSON_MEDIA_TYPE ? base : `${base}(${type})`;
    if (!a.has(type)) emit("media-type-removed", at, `${subject(base)}: media type \`${type}\` removed`);
    else if (!b.has(type)) emit("media-type-added", at, `${subject(base)}: media type \`${type}\` added`);
    else {
      const [bType, aType] = [b.get(type), a.get(type)].map((m) => (isNode(m) ? m : {})) as [Node, Node];
      compareSchema(bType.schema, aType.schema, at, emit);
      compareRest(bType, aType, new Set(["schema"]), at, emit);
    }
  }
}

function compareRequestBody(before: unknown, after: unknown, emit: Emit): void {
  if (!isNode(before) || !isNode(after)) {
    if (isNode(before)) emit("field-removed", "body", "request body removed");
    if (isNode(after)) emitAdded(emit, "body", after.required === true);
    return;
  }
  emitRequiredChange(emit, "body", before.required === true, after.required === true);
  compareContent(before.content, after.content, "body", emit);
  compareRest(before, after, new Set(["required", "content"]), "body", emit);
}

const isSuccess = (status: string) => /^2/.test(status);

function compareResponses(before: unknown, after: unknown, emit: Emit): void {
  const b = new Map(entries(before));
  const a = new Map(entries(after));
  const bSuccess = [...b.keys()].filter(isSuccess).sort();
  const aSuccess = [...a.keys()].filter(isSuccess).sort();
  if (!same(bSuccess, aSuccess)) {
    const list = (statuses: string[]) => statuses.join(", ") || "none";
    emit("success-status-changed", "responses", `success status changed from ${list(bSuccess)} to ${list(aSuccess)}`);
  }
  for (const status of union(b.keys(), a.keys())) {
    const at = `responses.${status}`;
    const [bResponse, aResponse] = [b.get(status), a.get(status)];
    if (!isNode(bResponse) || !isNode(aResponse)) {
      if (!isSuccess(status))
        emit("error-status-changed", at, `response ${status} ${isNode(aResponse) ? "added" : "removed"}`);
      continue;
    }
    compareContent(bResponse.content, aResponse.content, `${at}.body`, emit);
    compareRest(bResponse, aResponse, new Set(["content"]), at, emit);
  }
}

function compareOperation(before: Operation, after: Operation, label: string, changes: Change[]): void {
  const request = emitterFor(changes, label, "request");
  const response = emitterFor(changes, label, "response");
  const [b, a] = [before.op, after.op];
  if (b.operationId !== a.operationId)
    request("operation-id-changed", "operationId", `operationId ${show(b.operationId)} → ${show(a.operationId)}`);
  compareParameters(before.parameters, after.parameters, request);
  compareRequestBody(b.requestBody, a.requestBody, request);
  compareResponses(b.responses, a.responses, response);
  compareRest(b, a, new Set(["operationId", "parameters", "requestBody", "responses"]), "", request);
}

/** Every operation's changes, in document order: removed and added ones, and each kept one's. */
export function compareOperations(before: Node, after: Node, changes: Change[]): void {
  const b = operations(before);
  const a = operations(after);
  for (const label of union(b.keys(), a.keys())) {
    const [bOp, aOp] = [b.get(label), a.get(label)];
    const emit = emitterFor(changes, label, "request");
    if (!aOp) emit("operation-removed", bOp!.where, "operation removed");
    else if (!bOp) emit("operation-added", aOp.where, "operation added");
    else compareOperation(bOp, aOp, label, changes);
  }
}
