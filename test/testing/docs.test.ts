// docs/testing.md's examples, run as written: each is a whole test of its own against a fresh
// fake, so what a reader copies works, not only compiles (test/readme compiles them).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { typeScriptSnippets } from "../readme/snippets.js";
import { OUTPUT_DIR, ROOT } from "../support/paths.js";

const EXAMPLES = typeScriptSnippets(readFileSync(join(ROOT, "docs/testing.md"), "utf8"));
const RUN_DIR = join(OUTPUT_DIR, "testing-examples");
const SOURCES = {
  '"sitecore-cdp-orders/testing"': pathToFileURL(join(ROOT, "src/testing/index.ts")).href,
  '"sitecore-cdp-orders"': pathToFileURL(join(ROOT, "src/index.ts")).href,
};

describe("the examples of docs/testing.md", () => {
  beforeAll(() => {
    rmSync(RUN_DIR, { recursive: true, force: true });
    mkdirSync(RUN_DIR, { recursive: true });
  });

  it("are the fake's and fail's", () => {
    expect(EXAMPLES.map(({ section }) => section)).toEqual(["The fake", "Injecting faults with `fail`"]);
  });

  it.each(EXAMPLES)("docs/testing.md:$line ($section) runs", async ({ code, line }) => {
    const file = join(RUN_DIR, `example-${line}.ts`);
    let source = code;
    for (const [specifier, url] of Object.entries(SOURCES))
      source = source.replaceAll(`from ${specifier}`, `from ${JSON.stringify(url)}`);
    writeFileSync(file, source);
    await expect(import(pathToFileURL(file).href)).resolves.toBeDefined();
  });
});
