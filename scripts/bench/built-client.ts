// The client as an application runs it: the package entry bundled by esbuild with its
// dependency, as a consumer's bundler (or the published build) would, rather than the
// TypeScript sources as tsx transforms them on the fly (tsx keeps function names with a
// helper call each time a closure is made, which the published build does not do).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

export type ClientModule = typeof import("../../src/index.js");

const ENTRY = fileURLToPath(new URL("../../src/index.ts", import.meta.url));

export interface BuiltClient {
  /** The bundle's entry, to import. */
  url: string;
  remove(): void;
}

export async function buildClient(): Promise<BuiltClient> {
  const dir = mkdtempSync(join(tmpdir(), "cdp-bench-client-"));
  await esbuild.build({
    entryPoints: { index: ENTRY },
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2022",
    logLevel: "silent",
  });
  return {
    url: pathToFileURL(join(dir, "index.mjs")).href,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function importClient(url: string): Promise<ClientModule> {
  return (await import(url)) as ClientModule;
}
