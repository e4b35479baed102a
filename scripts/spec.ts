import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const SPEC_PATH = resolve(dirname(fileURLToPath(import.meta.url)), "../openapi/openapi.yaml");

type Json = unknown;

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
 * Loads the split spec with every relative `$ref` replaced by its target, so tests and
 * tools can walk plain objects. Keys beside a `$ref` (OpenAPI 3.1 allows them) are kept.
 */
export function loadDereferencedSpec(path: string = SPEC_PATH): Record<string, Json> {
  const files = new Map<string, Json>();
  const load = (file: string): Json => {
    if (!files.has(file)) files.set(file, parse(readFileSync(file, "utf8")));
    return files.get(file);
  };
  const walk = (node: Json, file: string, seen: string[]): Json => {
    if (Array.isArray(node)) return node.map((item) => walk(item, file, seen));
    if (node === null || typeof node !== "object") return node;
    const { $ref, ...siblings } = node as Record<string, Json>;
    if (typeof $ref === "string") {
      const [target = "", pointer = ""] = $ref.split("#");
      const targetFile = target === "" ? file : resolve(dirname(file), target);
      const key = `${targetFile}#${pointer}`;
      if (seen.includes(key)) throw new Error(`circular $ref ${key}`);
      const resolved = walk(pointerGet(load(targetFile), pointer), targetFile, [...seen, key]);
      return Object.keys(siblings).length === 0 ? resolved : { ...(resolved as object), ...walk(siblings, file, seen) as object };
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, file, seen)]));
  };
  return walk(load(path), path, []) as Record<string, Json>;
}
