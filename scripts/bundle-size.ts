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
  /** Minified bytes by source file (`node_modules/…` or `src/…`), largest first. */
  sources: [path: string, minified: number][];
}

export interface BundleSize {
  /** What loads with the import: the entry chunk and the chunks it imports statically. */
  initial: Part;
  /** What loads on first use (the request validators). */
  lazy: Part;
}

/**
 * What a consumer's bundle holds: `createOrderClient` alone (an application that only makes
 * calls, after tree shaking), every export of the entry, or, for reference, the package's
 * own share of the core (openapi-fetch left out) and openapi-fetch's `createClient` alone.
 */
export type Selection =
  | "createOrderClient"
  | "createOrderClient without openapi-fetch"
  | "every export"
  | "openapi-fetch alone";

const CONSUMERS: Record<Selection, string> = {
  createOrderClient: `export { createOrderClient } from ${JSON.stringify(ENTRY)};`,
  "createOrderClient without openapi-fetch": `export { createOrderClient } from ${JSON.stringify(ENTRY)};`,
  "every export": `export * from ${JSON.stringify(ENTRY)};`,
  "openapi-fetch alone": `export { default } from "openapi-fetch";`,
};

function part(files: esbuild.OutputFile[], metafile: esbuild.Metafile): Part {
  const bySource = new Map<string, number>();
  for (const file of files) {
    // The metafile names outputs relative to the working directory.
    const output = Object.entries(metafile.outputs).find(([path]) => resolve(ROOT, path) === file.path)?.[1];
    for (const [path, { bytesInOutput }] of Object.entries(output!.inputs)) {
      if (bytesInOutput > 0) bySource.set(path, (bySource.get(path) ?? 0) + bytesInOutput);
    }
  }
  return {
    minified: files.reduce((sum, f) => sum + f.contents.byteLength, 0),
    // Each file is served and compressed on its own.
    gzip: files.reduce((sum, f) => sum + gzipSync(f.contents).byteLength, 0),
    code: files.map((f) => f.text).join("\n"),
    sources: [...bySource].sort((a, b) => b[1] - a[1]),
  };
}

/** Bundles the selection as a consumer's bundler would, with code splitting on. */
export async function measure(selection: Selection): Promise<BundleSize> {
  const dir = mkdtempSync(join(tmpdir(), "cdp-size-"));
  try {
    const entry = join(dir, "consumer.ts");
    writeFileSync(entry, CONSUMERS[selection]);
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
      // The consumer lives in a temporary folder: packages resolve from this one.
      nodePaths: [resolve(ROOT, "node_modules")],
      metafile: true,
      external: selection === "createOrderClient without openapi-fetch" ? ["openapi-fetch"] : [],
    });
    const byName = new Map(result.outputFiles.map((f) => [basename(f.path), f]));
    // Follow static imports from the entry chunk; whatever is left loads on demand.
    const initial = new Set<string>(["consumer.js"]);
    for (const name of initial) {
      for (const [, imported] of byName.get(name)!.text.matchAll(/(?:import|from)\s*"\.\/([\w.-]+\.js)"/g))
        initial.add(imported!);
    }
    const files = [...byName.values()];
    return {
      initial: part(
        files.filter((f) => initial.has(basename(f.path))),
        result.metafile,
      ),
      lazy: part(
        files.filter((f) => !initial.has(basename(f.path))),
        result.metafile,
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
