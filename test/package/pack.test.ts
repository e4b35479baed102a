// What someone who installs the package gets: `npm pack` (its prepack runs the build), the
// tarball installed into a fresh project outside this repository (so nothing resolves from
// our own node_modules), then run from ES modules and CommonJS and compiled by TypeScript.
// (The cdp-orders command is a package of its own: cli/test/pack.test.ts.)
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { parse } from "yaml";
import { bundleForNeutralPlatform } from "../support/neutral-bundle.js";
import { ROOT } from "../support/paths.js";
import { packed } from "../support/pack.js";
import { npm, run, runBin, type Run } from "../support/run.js";

const FIXTURE = join(ROOT, "test/package/consumer");
const ORDER_EXAMPLE = parse(readFileSync(join(ROOT, "openapi/components/examples/Order.yaml"), "utf8")).value as {
  referenceId: string;
};
const NODE_TYPES_VERSION = (
  JSON.parse(readFileSync(join(ROOT, "node_modules/@types/node/package.json"), "utf8")) as { version: string }
).version;

let workDir: string;
let tarball: string;
let consumer: string;

function succeeded(result: Run, what: string): void {
  if (result.code !== 0)
    throw new Error(`${what} failed with exit code ${result.code}:\n${result.stdout}\n${result.stderr}`);
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "sitecore-cdp-orders-pack-"));
  tarball = await packed(".");
  consumer = join(workDir, "consumer");
  cpSync(FIXTURE, consumer, { recursive: true });
  // The consumer installs Node's types itself, as a Node project would; the version this
  // repository uses is already in npm's cache.
  const install = [
    "install",
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
    tarball,
    `@types/node@${NODE_TYPES_VERSION}`,
  ];
  succeeded(await npm(install, { cwd: consumer }), "npm install of the tarball");
}, 240_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// Each test starts a process (node, tsc, publint, attw) and only reads the installed
// project, so they run concurrently.
describe.concurrent("the packed tarball", { timeout: 90_000 }, () => {
  it("holds the build, the license, the README and the changelog, and nothing else", async ({ expect }) => {
    const listing = await run("tar", ["-tzf", tarball], { cwd: workDir });
    succeeded(listing, "tar -tzf");
    // Two entries, the client and the fake (testing). The ES module build splits the
    // validators into chunks loaded on first use, and what both entries share into chunks.
    const files = listing.stdout.trim().split("\n").sort();
    expect(files.map((f) => f.replace(/-[A-Z0-9]{8}\.js$/, "-[hash].js"))).toEqual([
      "package/CHANGELOG.md",
      "package/LICENSE",
      "package/README.md",
      "package/dist/cjs/index.cjs",
      "package/dist/cjs/index.d.cts",
      "package/dist/cjs/testing.cjs",
      "package/dist/cjs/testing.d.cts",
      "package/dist/esm/chunk-[hash].js",
      "package/dist/esm/chunk-[hash].js",
      "package/dist/esm/index.d.ts",
      "package/dist/esm/index.js",
      "package/dist/esm/request-violations-[hash].js",
      "package/dist/esm/response-violations-[hash].js",
      "package/dist/esm/testing.d.ts",
      "package/dist/esm/testing.js",
      "package/package.json",
    ]);
  });

  it.for([
    ["an ES module", "esm.mjs"],
    ["a CommonJS module", "cjs.cjs"],
  ] as const)(
    "works from %s: one call against the mock, one refused by request validation",
    async ([, file], { expect }) => {
      const result = await run(process.execPath, [file], {
        cwd: consumer,
        env: { ...process.env, PRISM_URL: inject("prismUrl") },
      });
      succeeded(result, `node ${file}`);
      expect(JSON.parse(result.stdout)).toEqual({
        status: 200,
        referenceId: ORDER_EXAMPLE.referenceId,
        violations: ["body.orderedAt format"],
      });
    },
  );

  it.for([
    ["an ES module", "testing.mjs", "R-ESM"],
    ["a CommonJS module", "testing.cjs", "R-CJS"],
  ] as const)(
    "gives %s the fake from sitecore-cdp-orders/testing: a create read back, an injected 503",
    async ([, file, referenceId], { expect }) => {
      const result = await run(process.execPath, [file], { cwd: consumer });
      succeeded(result, `node ${file}`);
      expect(JSON.parse(result.stdout)).toEqual({ referenceId, stored: [referenceId], injected: 503 });
    },
  );

  it("installs openapi-fetch and its helper types, and nothing else", async ({ expect }) => {
    const listing = await npm(["ls", "--all", "--json"], { cwd: consumer });
    succeeded(listing, "npm ls --all");
    type Tree = { version?: string; dependencies?: Record<string, Tree> };
    const names = (tree: Tree): string[] =>
      Object.entries(tree.dependencies ?? {}).flatMap(([name, inner]) => [name, ...names(inner)]);
    const { dependencies } = JSON.parse(listing.stdout) as Tree;
    // The consumer's own Node types aside, what the tarball brought.
    expect(Object.keys(dependencies ?? {}).sort()).toEqual(["@types/node", "sitecore-cdp-orders"]);
    expect(names(dependencies!["sitecore-cdp-orders"]!)).toEqual(["openapi-fetch", "openapi-typescript-helpers"]);
    const manifest = JSON.parse(
      readFileSync(join(consumer, "node_modules/sitecore-cdp-orders/package.json"), "utf8"),
    ) as Record<string, unknown>;
    expect(manifest.dependencies).toEqual({ "openapi-fetch": expect.any(String) });
    expect(manifest.bin).toBeUndefined();
  });

  describe.each(["node16", "bundler"])("for a TypeScript consumer with moduleResolution %s", (resolution) => {
    it("compiles the typed uses and fails on exactly the deliberate type errors", async ({ expect }) => {
      const compile = await runBin("tsc", ["-p", `tsconfig.${resolution}.json`, "--pretty", "false"], {
        cwd: consumer,
      });
      const failing = [...compile.stdout.matchAll(/^(\S+?)\((\d+),\d+\): error TS\d+/gm)].map(
        ([, file, line]) => `${file}:${line}`,
      );
      const marked = readFileSync(join(FIXTURE, "type-errors.mts"), "utf8")
        .split("\n")
        .flatMap((text, index) => (text.includes("// type error") ? [`type-errors.mts:${index + 1}`] : []));
      expect(marked).toHaveLength(4);
      expect(compile.code, compile.stdout).not.toBe(0);
      expect([...new Set(failing)], compile.stdout).toEqual(marked);
    });
  });

  it("types a listing's items by expand in a project without strict", async ({ expect }) => {
    const compile = await runBin("tsc", ["-p", "tsconfig.loose.json", "--pretty", "false"], { cwd: consumer });
    expect(compile.code, compile.stdout).toBe(0);
  });

  it("passes publint, warnings included", async ({ expect }) => {
    const lint = await runBin("publint", ["run", tarball, "--strict"], { cwd: workDir });
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
  });

  it("has types that resolve correctly everywhere (@arethetypeswrong/cli)", async ({ expect }) => {
    const check = await runBin("attw", [tarball, "--format", "ascii"], { cwd: workDir });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it.for(["index.js", "testing.js"])(
    "has an ES module entry, %s, that bundles for the neutral platform without a Node built-in",
    async (file, { expect }) => {
      const entry = join(consumer, "node_modules/sitecore-cdp-orders/dist/esm", file);
      const { nodeImports } = await bundleForNeutralPlatform({ file: entry });
      expect(nodeImports).toEqual([]);
    },
  );
});
