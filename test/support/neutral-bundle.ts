import { builtinModules } from "node:module";
import * as esbuild from "esbuild";

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith("_")));

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || NODE_BUILTINS.has(specifier.split("/")[0]!);
}

export interface NeutralBundle {
  /** The bundled code, everything inlined. */
  code: string;
  /** Every import of a Node built-in, as `specifier (from importer)`; empty for a runtime-neutral entry. */
  nodeImports: string[];
}

export type EntryInput = { file: string } | { source: string; resolveDir: string };

/**
 * Bundles an entry and all it imports, dependencies included, for esbuild's neutral
 * platform: no Node and no browser assumptions. Node built-ins are recorded (and left
 * out) rather than failing the build, so a test can name each one.
 */
export async function bundleForNeutralPlatform(
  entry: EntryInput,
  options: { format?: "esm" | "iife"; globalName?: string } = {},
): Promise<NeutralBundle> {
  const nodeImports: string[] = [];
  const recordNodeBuiltins: esbuild.Plugin = {
    name: "record-node-builtins",
    setup(build) {
      build.onResolve({ filter: /.*/ }, ({ path, importer }) => {
        if (!isNodeBuiltin(path)) return undefined;
        nodeImports.push(`${path} (from ${importer || "the entry"})`);
        return { path, external: true };
      });
    },
  };
  const result = await esbuild.build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.source, resolveDir: entry.resolveDir, loader: "ts" } }),
    bundle: true,
    write: false,
    platform: "neutral",
    // The neutral platform reads no package.json fields by default; a dependency without
    // `exports` or `module` is found through `main`.
    mainFields: ["module", "main"],
    format: options.format ?? "esm",
    ...(options.globalName === undefined ? {} : { globalName: options.globalName }),
    target: "es2022",
    logLevel: "silent",
    plugins: [recordNodeBuiltins],
  });
  return { code: result.outputFiles[0]!.text, nodeImports };
}
