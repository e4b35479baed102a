// Every operation of the spec is exercised by a contract test, against every target. Test
// files run isolated, so the registry is the suites' text: each test title starts with the
// operationId of the request it sends, each suite is in CONTRACT_SUITES, and each target
// has an entry file that runs all of them. At run time each target's block checks the
// rest, for each test: it sent at least one request, only of the operation its title
// names, and asserted each request it sent (support/targets.ts, `describeTarget`).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONTRACT_SUITES } from "./suites/index.js";
import { specOperations } from "./support/spec-operations.js";
import { TARGETS } from "./support/targets.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const SUITES = join(HERE, "suites");

interface SuiteFile {
  file: string;
  text: string;
}

interface ContractTest {
  file: string;
  title: string;
  /** The operations of the `client.METHOD("path"` calls in the test's body. */
  calls: string[];
}

function suiteFiles(): SuiteFile[] {
  return readdirSync(SUITES)
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .map((file) => ({ file, text: readFileSync(join(SUITES, file), "utf8") }));
}

function contractTests(files: SuiteFile[], byRoute: Map<string, string>): ContractTest[] {
  return files.flatMap(({ file, text }) => {
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
const files = suiteFiles();
const tests = contractTests(files, byRoute);
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

  it("every contract test lives in the suite named after its operation's tag", () => {
    const tagOf = new Map(operations.map((op) => [op.operationId, op.tag]));
    const misplaced = tests
      .filter((t) => `${tagOf.get(firstWord(t.title))?.toLowerCase().replaceAll(" ", "-")}.ts` !== t.file)
      .map((t) => `${t.file}: "${t.title}"`);
    expect(misplaced).toEqual([]);
  });

  it("every suite runs, each test once per run: in CONTRACT_SUITES, with no skip, only, each or describe", () => {
    expect(CONTRACT_SUITES.map((suite) => suite.file).sort()).toEqual(files.map(({ file }) => file).sort());
    const odd = files
      .filter(({ text }) =>
        /\b(describe|it|test)\.(skip|only|todo|skipIf|runIf|each|fails)\b|\b(describe|test)\(/.test(text),
      )
      .map(({ file }) => file);
    expect(odd).toEqual([]);
  });

  it("the suites run against Prism and against the fake, each from its own entry file", () => {
    expect(TARGETS.map((target) => [target.id, target.name, target.stateful])).toEqual([
      ["prism", "Prism", false],
      ["fake", "the fake", true],
    ]);
    for (const target of TARGETS) {
      const entry = join(HERE, `${target.id}.test.ts`);
      expect(existsSync(entry), entry).toBe(true);
      expect(readFileSync(entry, "utf8")).toMatch(
        new RegExp(`^runContractSuites\\(${target.id.toUpperCase()}\\);$`, "m"),
      );
    }
  });
});
