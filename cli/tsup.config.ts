import { defineConfig } from "tsup";

// The `cdp-orders` command: Node only, one file of the command's own code. Its dependencies,
// the library ("sitecore-cdp-orders") among them, stay external: it uses the library the
// installed package resolves, through its public entry.
export default defineConfig({
  entry: { "cdp-orders": "src/main.ts" },
  // Without the root tsconfig's paths, which point "sitecore-cdp-orders" at the sources.
  tsconfig: "tsconfig.build.json",
  format: "esm",
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  dts: false,
  splitting: false,
  sourcemap: false,
});
