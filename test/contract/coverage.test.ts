// Every operation of the spec is exercised by a contract test. Test files run isolated, so
// the registry is their text: each test title starts with the operationId of the request
// it sends, and this file checks that claim against the spec.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const HERE = dirname(fileURLToPath(import.meta.url));
const OPENAPI = join(HERE, "../../openapi");
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
/** Files whose tests do not each exercise one operation's success path. */
const NOT_PER_OPERATION = new Set(["coverage.test.ts", "invalid-requests.test.ts"]);

interface Operation {
  operationId: string;
  tag: string;
  method: string;
  path: string;
}

type PathItem = Partial<Record<(typeof METHODS)[number], { operationId: string; tags: string[] }>>;

const readYaml = (file: string): unknown => parse(readFileSync(file, "utf8"));

function specOperations(): Operation[] {
  const root = readYaml(join(OPENAPI, "openapi.yaml")) as { paths: Record<string, { $ref: string }> };
  return Object.entries(root.paths).flatMap(([path, { $ref }]) => {
    const item = readYaml(join(OPENAPI, $ref)) as PathItem;
    return METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ operationId: op.operationId, tag: op.tags[0] ?? "", method: method.toUpperCase(), path }] : [];
    });
  });
}

interface ContractTest {
  file: string;
  title: string;
  /** The operations of the `client.METHOD("path"` calls in the test's body. */
  calls: string[];
}

function contractTests(byRoute: Map<string, string>): ContractTest[] {
  const files = readdirSync(HERE).filter((f) => f.endsWith(".test.ts") && !NOT_PER_OPERATION.has(f));
  return files.flatMap((file) => {
    const text = readFileSync(join(HERE, file), "utf8");
    const starts = [...text.matchAll(/\bit\(\s*"([^"]+)"/g)];
    return starts.map((start, i) => {
      const body = text.slice(start.index, starts[i + 1]?.index ?? text.length);
      const calls = [...body.matchAll(/\bclient\.(GET|POST|PUT|PATCH|DELETE)\(\s*"([^"]+)"/g)].map(
        ([, method, path]) => byRoute.get(`${method} ${path}`) ?? `unknown route ${method} ${path}`,
      );
      return { file, title: start[1] ?? "", calls };
    });
  });
}

const operations = specOperations();
const byRoute = new Map(operations.map((op) => [`${op.method} ${op.path}`, op.operationId]));
const tests = contractTests(byRoute);
const firstWord = (title: string) => title.split(" ")[0] ?? "";

describe("Contract test coverage", () => {
  it("the spec has exactly 38 operations with unique operationIds", () => {
    const ids = operations.map((op) => op.operationId);
    expect(ids).toHaveLength(38);
    expect(new Set(ids).size).toBe(38);
  });

  it("every operationId starts the title of a contract test", () => {
    const titled = new Set(tests.map((t) => firstWord(t.title)));
    expect(operations.map((op) => op.operationId).filter((id) => !titled.has(id))).toEqual([]);
  });

  it("every contract test sends requests only to the operation its title names", () => {
    const wrong = tests
      .filter((t) => t.calls.length === 0 || t.calls.some((id) => id !== firstWord(t.title)))
      .map((t) => `${t.file}: "${t.title}" calls [${t.calls.join(", ")}]`);
    expect(tests.length).toBeGreaterThanOrEqual(38);
    expect(wrong).toEqual([]);
  });

  it("every contract test lives in the file named after its operation's tag", () => {
    const tagOf = new Map(operations.map((op) => [op.operationId, op.tag]));
    const misplaced = tests
      .filter((t) => `${tagOf.get(firstWord(t.title))?.toLowerCase().replaceAll(" ", "-")}.test.ts` !== t.file)
      .map((t) => `${t.file}: "${t.title}"`);
    expect(misplaced).toEqual([]);
  });
});
