// The README's examples, one per resource, run as written against the Prism mock: what a
// newcomer copies must not only compile but be accepted by request validation and the spec.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prismClient } from "../helpers.js";
import { OUTPUT_DIR, ROOT } from "../support/paths.js";
import { typeScriptSnippets } from "./snippets.js";

const EXAMPLES = typeScriptSnippets(readFileSync(join(ROOT, "README.md"), "utf8")).filter(
  ({ section }) => section === "Examples, one per resource",
);
const RUN_DIR = join(OUTPUT_DIR, "readme-examples");
const PACKAGE_SOURCE = pathToFileURL(join(ROOT, "src/index.ts")).href;

/** The free names the README's examples use (see the README's quick start); Prism accepts any ref. */
const FREE_NAMES = {
  orderRef: "2d7de9df-45a2-45ea-872c-30e45139007d",
  orderItemRef: "3c5f2a1b-7d8e-4f90-a1b2-c3d4e5f6a7b8",
  orderContactRef: "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e",
  orderConsumerRef: "4e6a8c0d-2b4f-4d61-8a3c-7e9f1b2d3c45",
  guestRef: "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
};

describe("the README's examples, one per resource", () => {
  const globals = globalThis as Record<string, unknown>;

  beforeAll(() => {
    rmSync(RUN_DIR, { recursive: true, force: true });
    mkdirSync(RUN_DIR, { recursive: true });
    Object.assign(globals, { cdp: prismClient(), ...FREE_NAMES });
    // The examples print what they read; the test output does not need it.
    vi.spyOn(console, "log").mockImplementation(() => {});
  });

  afterAll(() => {
    for (const name of ["cdp", ...Object.keys(FREE_NAMES)]) delete globals[name];
    vi.restoreAllMocks();
  });

  it("are the six resources", () => {
    expect(EXAMPLES.map(({ heading }) => heading)).toEqual([
      "Orders",
      "Order items",
      "Order contacts",
      "Order consumers",
      "Order data extensions",
      "Order item data extensions",
    ]);
  });

  it.each(EXAMPLES)("README.md:$line ($heading) runs against the mock", async ({ code, line }) => {
    const file = join(RUN_DIR, `example-${line}.ts`);
    writeFileSync(file, code.replaceAll(`from "sitecore-cdp-orders"`, `from ${JSON.stringify(PACKAGE_SOURCE)}`));
    await expect(import(pathToFileURL(file).href)).resolves.toBeDefined();
  });
});
