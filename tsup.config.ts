import { defineConfig, type Options } from "tsup";

// The library: one bundle per module format, each with a declaration file of its own, so
// `import` and `require` consumers both get types that describe the file they load. The
// generated validators are bundled in; dependencies stay external unless said otherwise.
// Two entries: the client (`sitecore-cdp-orders`) and the fake API for tests
// (`sitecore-cdp-orders/testing`), which the client's entry does not import.
// (The `cdp-orders` command is built in cli/, by its own config.)
const shared = {
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  dts: true,
  tsconfig: "tsconfig.build.json",
  clean: true,
  // Web-standard code only: the same files run on Node, Bun, Deno and Workers.
  platform: "neutral",
  target: "es2022",
  sourcemap: false,
  splitting: false,
} satisfies Options;

export default defineConfig([
  // Split so the request validators, loaded on first use, stay out of the entry chunk.
  { ...shared, format: "esm", outDir: "dist/esm", splitting: true },
  {
    ...shared,
    format: "cjs",
    outDir: "dist/cjs",
    // esbuild hands an ES module's default import of a CommonJS package the whole
    // `module.exports`, but openapi-fetch's CommonJS build keeps its function on
    // `exports.default`; inlining its ES module build avoids the mismatch.
    noExternal: ["openapi-fetch"],
  },
]);
