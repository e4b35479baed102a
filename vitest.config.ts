import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The command (cli/) imports the library by its package name, and tests import the fake
    // by its entry's: the sources, as the tsconfig's paths say, so the tests need no build.
    alias: [
      { find: /^sitecore-cdp-orders$/, replacement: fileURLToPath(new URL("src/index.ts", import.meta.url)) },
      {
        find: /^sitecore-cdp-orders\/testing$/,
        replacement: fileURLToPath(new URL("src/testing/index.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "cli/test/**/*.test.ts"],
    // Prism is started once for the whole run and stopped by its pid afterwards.
    globalSetup: ["test/global-setup.ts"],
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
