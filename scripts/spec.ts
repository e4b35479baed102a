import { readFileSync } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const SPEC_PATH = resolve(dirname(fileURLToPath(import.meta.url)), "../openapi/openapi.yaml");

export type Schema = Record<string, unknown>;
type Json = unknown;

export const HTTP_METHODS = ["get", "put", "post", "patch", "delete"] as const;

function pointerGet(document: Json, pointer: string): Json {
  if (pointer === "" || pointer === "/") return document;
  return pointer
    .slice(1)
    .split("/")
    .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<Json>((node, key) => {
      if (node === null || typeof node !== "object" || !(key in node)) {
        throw new Error(`JSON pointer ${pointer} does not resolve`);
      }
      return (node as Record<string, Json>)[key];
    }, document);
}

/**
 * Loads the split spec rooted at `specPath` into one object. Relative `$ref`s are replaced
 * by their targets, except, with `keepSchemaRefs`, whole files under components/schemas,
 * which become `#/components/schemas/<file name>` refs with their targets collected there
 * (the shape `redocly bundle` produces). Keys beside a `$ref` (OpenAPI 3.1 allows them) are kept.
 */
function loadSpec(keepSchemaRefs: boolean, specPath: string): Record<string, Json> {
  const schemasDir = resolve(dirname(specPath), "components/schemas");
  const files = new Map<string, Json>();
  const schemas: Record<string, Json> = {};
  const load = (file: string): Json => {
    if (!files.has(file)) files.set(file, parse(readFileSync(file, "utf8")));
    return files.get(file);
  };
  const walk = (node: Json, file: string, seen: string[]): Json => {
    if (Array.isArray(node)) return node.map((item) => walk(item, file, seen));
    if (node === null || typeof node !== "object") return node;
    const { $ref, ...rest } = node as Record<string, Json>;
    if (typeof $ref !== "string") {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, file, seen)]));
    }
    const siblings = walk(rest, file, seen) as Record<string, Json>;
    const [target = "", pointer = ""] = $ref.split("#");
    const targetFile = target === "" ? file : resolve(dirname(file), target);
    const key = `${targetFile}#${pointer}`;
    if (seen.includes(key)) throw new Error(`circular $ref ${key}`);
    if (keepSchemaRefs && pointer === "" && !relative(schemasDir, targetFile).startsWith(`..${sep}`)) {
      const name = basename(targetFile, ".yaml");
      if (!(name in schemas)) {
        schemas[name] = null; // reserved first, so self-references terminate
        schemas[name] = walk(load(targetFile), targetFile, [...seen, key]);
      }
      return { $ref: `#/components/schemas/${name}`, ...siblings };
    }
    const resolved = walk(pointerGet(load(targetFile), pointer), targetFile, [...seen, key]);
    return Object.keys(siblings).length === 0 ? resolved : { ...(resolved as object), ...siblings };
  };
  const spec = walk(load(specPath), specPath, []) as Record<string, Json>;
  if (keepSchemaRefs) {
    const components = (spec.components ?? {}) as Record<string, Json>;
    spec.components = { ...components, schemas: { ...(components.schemas as object), ...schemas } };
  }
  return spec;
}

/** The spec with every `$ref` replaced by its target, for walking as plain objects; this repository's by default. */
export function loadDereferencedSpec(specPath: string = SPEC_PATH): Record<string, Json> {
  return loadSpec(false, specPath);
}

/** The spec with schemas kept as `#/components/schemas/*` refs, for schema compilers; this repository's by default. */
export function loadBundledSpec(specPath: string = SPEC_PATH): Record<string, Json> {
  return loadSpec(true, specPath);
}

export interface SpecOperation {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  op: { operationId: string; parameters?: unknown[]; requestBody?: unknown; [key: string]: unknown };
  pathParameters: unknown[];
}

/** Every operation of a loaded spec, with its path item's shared parameters. */
export function operationsOf(spec: Record<string, Json>): SpecOperation[] {
  return Object.entries(spec.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path,
      op: item[method] as SpecOperation["op"],
      pathParameters: (item.parameters as unknown[]) ?? [],
    })),
  );
}
