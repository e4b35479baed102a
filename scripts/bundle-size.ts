// What the package costs in a bundle: esbuild bundles, splits and minifies a consumer's
// import of the ESM entry's source (dependencies included), then gzip compresses it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENTRY = resolve(ROOT, "src/index.ts");

export interface Part {
  minified: number;
  gzip: number;
  /** The minified code, for checks on what went in. */
  code: string;
}

export interface BundleSize {
  /** What loads with the import: the entry chunk and the chunks it imports statically. */
  initial: Part;
  /** What loads on first use (the request validators). */
  lazy: Part;
}

/**
 * What a consumer's bundle holds: `createOrderClient` alone (an application that only makes
 * calls, after tree shaking) or every export of the entry.
 */
export type Selection = "createOrderClient" | "every export";

function part(files: esbuild.OutputFile[]): Part {
  return {
    minified: files.reduce((sum, f) => sum + f.contents.byteLength, 0),
    // Each file is served and compressed on its own.
    gzip: files.reduce((sum, f) => sum + gzipSync(f.contents).byteLength, 0),
    code: files.map((f) => f.text).join("\n"),
  };
}

/** Bundles the selection as a consumer's bundler would, with code splitting on. */
export async function measure(selection: Selection): Promise<BundleSize> {
  const dir = mkdtempSync(join(tmpdir(), "cdp-size-"));
  try {
    const entry = join(dir, "consumer.ts");
    const from = JSON.stringify(ENTRY);
    writeFileSync(entry, selection === "every export" ? `export * from ${from};` : `export { createOrderClient } from ${from};`);
    const result = await esbuild.build({
      entryPoints: [entry],
      outdir: join(dir, "out"),
      bundle: true,
      splitting: true,
      minify: true,
      write: false,
      format: "esm",
      platform: "neutral",
      mainFields: ["module", "main"],
      target: "es2022",
      logLevel: "silent",
      absWorkingDir: ROOT,
    });
    const byName = new Map(result.outputFiles.map((f) => [basename(f.path), f]));
    // Follow static imports from the entry chunk; whatever is left loads on demand.
    const initial = new Set<string>(["consumer.js"]);
    for (const name of initial) {
      for (const [, imported] of byName.get(name)!.text.matchAll(/(?:import|from)\s*"\.\/([\w.-]+\.js)"/g)) initial.add(imported!);
    }
    const files = [...byName.values()];
    return {
      initial: part(files.filter((f) => initial.has(basename(f.path)))),
      lazy: part(files.filter((f) => !initial.has(basename(f.path)))),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
