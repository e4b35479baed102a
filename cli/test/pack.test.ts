// What someone who installs the command gets: both packages packed (each prepack builds), the
// two tarballs installed offline into a fresh project outside this repository, and the
// installed `cdp-orders` run there, against the fake CDP, as a user runs it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleOrders, toNdjson } from "../../test/fake-cdp/sample-orders.js";
import { FAKE_CREDENTIALS, startFakeCdp, type FakeCdp } from "../../test/fake-cdp/server.js";
import { packed } from "../../test/support/pack.js";
import { ROOT } from "../../test/support/paths.js";
import { npm, run, runBin, type Run } from "../../test/support/run.js";
import { exactlyOnceProblems } from "./fake-state.js";

let workDir: string;
let consumer: string;
let tarballs: { library: string; cli: string };
let fake: FakeCdp;

function succeeded(result: Run, what: string): void {
  if (result.code !== 0)
    throw new Error(`${what} failed with exit code ${result.code}:\n${result.stdout}\n${result.stderr}`);
}

/** `npx cdp-orders …` in the consumer, with the fake's credentials and nothing about a real tenant. */
function cdpOrders(args: readonly string[]): Promise<Run> {
  const { CDP_REGION: _, ...env } = process.env;
  return run("npx", ["--offline", "cdp-orders", ...args], {
    cwd: consumer,
    env: { ...env, CDP_CLIENT_KEY: FAKE_CREDENTIALS.clientKey, CDP_API_TOKEN: FAKE_CREDENTIALS.apiToken },
    timeoutMs: 60_000,
  });
}

beforeAll(async () => {
  const [library, cli] = await Promise.all([packed("."), packed("cli")]);
  tarballs = { library, cli };
  workDir = mkdtempSync(join(tmpdir(), "sitecore-cdp-orders-cli-pack-"));
  consumer = join(workDir, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), `${JSON.stringify({ name: "cli-consumer", private: true })}\n`);
  // Offline: every dependency is in npm's cache since this repository's own install.
  const install = ["install", "--offline", "--no-audit", "--no-fund", tarballs.library, tarballs.cli];
  succeeded(await npm(install, { cwd: consumer, timeoutMs: 180_000 }), "npm install of the tarballs");
  fake = await startFakeCdp();
}, 300_000);

afterAll(async () => {
  await fake?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("the packed cdp-orders command", { timeout: 90_000 }, () => {
  it("holds its launcher, its bundle, the license and a README, and nothing else", async () => {
    const listing = await run("tar", ["-tzf", tarballs.cli], { cwd: workDir });
    succeeded(listing, "tar -tzf");
    expect(listing.stdout.trim().split("\n").sort()).toEqual([
      "package/LICENSE",
      "package/README.md",
      "package/bin/cdp-orders.js",
      "package/dist/cdp-orders.js",
      "package/package.json",
    ]);
  });

  it("bundles only its own code: the library and cli-progress are imported, from the installed packages", () => {
    const bundle = readFileSync(join(consumer, "node_modules/sitecore-cdp-orders-cli/dist/cdp-orders.js"), "utf8");
    const specifiers = new Set(
      [...bundle.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1]!),
    );
    const packages = [...specifiers].filter((name) => !builtinModules.includes(name.replace(/^node:/, "")));
    expect(packages.sort()).toEqual(["cli-progress", "sitecore-cdp-orders"]);
    // Nothing of the library's own code: its transport's messages and openapi-fetch's stay out.
    expect(bundle).not.toContain("Middleware must be an object");
    expect(bundle).not.toContain("redirects; not followed");
  });

  it("installs cli-progress and the library, the library with openapi-fetch alone, each once", async () => {
    const listing = await npm(["ls", "--all", "--json"], { cwd: consumer });
    succeeded(listing, "npm ls --all");
    type Tree = { dependencies?: Record<string, Tree> };
    const names = (tree: Tree): string[] =>
      Object.entries(tree.dependencies ?? {}).flatMap(([name, inner]) => [name, ...names(inner)]);
    const { dependencies } = JSON.parse(listing.stdout) as Tree;
    expect(Object.keys(dependencies ?? {}).sort()).toEqual(["sitecore-cdp-orders", "sitecore-cdp-orders-cli"]);
    const command = dependencies!["sitecore-cdp-orders-cli"]!;
    expect(Object.keys(command.dependencies ?? {}).sort()).toEqual(["cli-progress", "sitecore-cdp-orders"]);
    expect(names(dependencies!["sitecore-cdp-orders"]!)).toEqual(["openapi-fetch", "openapi-typescript-helpers"]);
    // The command uses the library installed beside it, not a copy of its own.
    const copies = await npm(["ls", "sitecore-cdp-orders", "--parseable", "--all"], { cwd: consumer });
    expect(new Set(copies.stdout.trim().split("\n"))).toEqual(
      new Set([join(consumer, "node_modules/sitecore-cdp-orders")]),
    );
  });

  it("prints its usage with npx cdp-orders --help, and exits 0", async () => {
    const help = await cdpOrders(["--help"]);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}cdp-orders import <file\.ndjson> \[options\]/);
    expect(help.stdout).toContain("Exit codes: 0 every line in the API");
    const usage = await cdpOrders([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("cdp-orders: Give a command: import, export or verify.");
  });

  it("imports a small file into the fake CDP, each order once, and writes its journal and report", async () => {
    const lines = sampleOrders(3, { prefix: "PACKED" });
    const input = join(consumer, "orders.ndjson");
    writeFileSync(input, toNdjson(lines));
    const imported = await cdpOrders(["import", input, "--base-url", fake.url, "--quiet"]);
    expect(imported.code, imported.stderr + imported.stdout).toBe(0);
    expect(imported.stdout).toContain("3 created, 0 failed, 0 invalid of 3 lines");
    expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
    expect(fake.violations).toEqual([]);
    const report = JSON.parse(readFileSync(`${input}.report.json`, "utf8")) as { summary: { created: number } };
    expect(report.summary.created).toBe(3);
    expect(readFileSync(`${input}.journal`, "utf8")).toContain('"type":"done"');
  });

  it("checks a file without sending anything with --dry-run, and exits 1 for a bad line", async () => {
    const input = join(consumer, "bad.ndjson");
    writeFileSync(input, `${JSON.stringify({ currencyCode: "EUR", price: 1 })}\n`);
    const before = fake.requests.length;
    const checked = await cdpOrders(["import", input, "--dry-run", "--quiet"]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/line 1: body\.referenceId: is required/);
    expect(fake.requests.length).toBe(before);
  });

  it("compiles against the library's published declarations alone", async () => {
    // cli/tsconfig.build.json has no paths: "sitecore-cdp-orders" is the package the
    // workspace links, whose types are the build the library's pack just made.
    const compile = await runBin("tsc", ["-p", "cli/tsconfig.build.json", "--noEmit", "--pretty", "false"], {
      cwd: ROOT,
    });
    expect(compile.code, compile.stdout + compile.stderr).toBe(0);
  });
});
