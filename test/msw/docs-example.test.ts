// docs/msw.md's example runs as written: MSW intercepts the client's requests in this
// process, the handlers answer, and the example's own assertions hold. It refuses any
// request no handler answers, so nothing goes out to the network.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { typeScriptSnippets } from "../readme/snippets.js";
import { OUTPUT_DIR, ROOT } from "../support/paths.js";

const RUN_DIR = join(OUTPUT_DIR, "msw-docs");
const PACKAGE_SOURCE = pathToFileURL(join(ROOT, "src/index.ts")).href;

const EXAMPLES = typeScriptSnippets(readFileSync(join(ROOT, "docs/msw.md"), "utf8")).filter(({ code }) =>
  code.includes("server.listen("),
);

it("docs/msw.md has one example that starts an MSW server, and it refuses unhandled requests", () => {
  expect(EXAMPLES).toHaveLength(1);
  expect(EXAMPLES[0]!.code).toContain(`server.listen({ onUnhandledRequest: "error" })`);
  expect(EXAMPLES[0]!.code).toContain("server.close()");
});

it.each(EXAMPLES)("docs/msw.md:$line runs as written", async ({ code, line }) => {
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });
  const file = join(RUN_DIR, `example-${line}.ts`);
  writeFileSync(file, code.replaceAll(`from "sitecore-cdp-orders"`, `from ${JSON.stringify(PACKAGE_SOURCE)}`));
  await expect(import(pathToFileURL(file).href)).resolves.toBeDefined();
});
