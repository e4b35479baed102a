// The spec's operations, read from openapi/ (not from the client), and which of them a
// request as sent over the wire is.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const OPENAPI = fileURLToPath(new URL("../../../openapi/", import.meta.url));
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface SpecOperation {
  operationId: string;
  tag: string;
  method: string;
  /** The path template, `/v2.1/orders/{orderRef}`. */
  path: string;
}

type PathItem = Partial<Record<(typeof METHODS)[number], { operationId: string; tags: string[] }>>;

const readYaml = (file: string): unknown => parse(readFileSync(file, "utf8"));

let cached: SpecOperation[] | undefined;

export function specOperations(): SpecOperation[] {
  if (cached) return cached;
  const root = readYaml(join(OPENAPI, "openapi.yaml")) as { paths: Record<string, { $ref: string }> };
  cached = Object.entries(root.paths).flatMap(([path, { $ref }]) => {
    const item = readYaml(join(OPENAPI, $ref)) as PathItem;
    return METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ operationId: op.operationId, tag: op.tags[0] ?? "", method: method.toUpperCase(), path }] : [];
    });
  });
  return cached;
}

/** A template's pattern over an encoded path: each `{name}` is one non-empty segment. */
const patternOf = (template: string) =>
  new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`);

/** The operationId of the request with this method and encoded path; undefined when the spec has none. */
export function operationOf(method: string, path: string): string | undefined {
  return specOperations().find((op) => op.method === method && patternOf(op.path).test(path))?.operationId;
}
