// What the package costs in a bundle: esbuild bundles and minifies a consumer's import of
// the ESM entry's source (dependencies included), then gzip compresses it.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENTRY = resolve(ROOT, "src/index.ts");
const REQUEST_VALIDATION = resolve(ROOT, "src/validation/validate-request.ts");

export interface BundleSize {
  minified: number;
  gzip: number;
  /** The minified code, for checks on what went in. */
  code: string;
}

/** Replaces request validation (the module that loads the generated ajv validators) with a no-op. */
function withoutRequestValidation(): { plugin: esbuild.Plugin; replaced: () => boolean } {
  let replaced = false;
  const plugin: esbuild.Plugin = {
    name: "without-request-validation",
    setup(build) {
      build.onLoad({ filter: /validate-request\.ts$/ }, ({ path }) => {
        if (path !== REQUEST_VALIDATION) return undefined;
        replaced = true;
        return { contents: "export function validateRequest() {}", loader: "ts" };
      });
    },
  };
  return { plugin, replaced: () => replaced };
}

/**
 * What a consumer's bundle holds: `createOrderClient` alone (an application that only makes
 * calls, after tree shaking) or every export of the entry.
 */
export type Selection = "createOrderClient" | "every export";

/** Bundles and minifies the selection from the ESM entry's source, as a consumer's bundler would. */
export async function measure(selection: Selection, options: { requestValidation: boolean }): Promise<BundleSize> {
  const from = JSON.stringify(ENTRY);
  const contents = selection === "every export" ? `export * from ${from};` : `export { createOrderClient } from ${from};`;
  const stub = withoutRequestValidation();
  const result = await esbuild.build({
    stdin: { contents, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2022",
    logLevel: "silent",
    plugins: options.requestValidation ? [] : [stub.plugin],
  });
  // A rename must not let the "without validation" figure silently include it.
  if (!options.requestValidation && !stub.replaced()) {
    throw new Error(`${REQUEST_VALIDATION} was not in the bundle, so it could not be left out`);
  }
  const bytes = result.outputFiles[0]!.contents;
  return { minified: bytes.byteLength, gzip: gzipSync(bytes).byteLength, code: result.outputFiles[0]!.text };
}
