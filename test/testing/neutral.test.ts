// `sitecore-cdp-orders/testing` runs wherever fetch does, as the client does: no Node
// built-in in its import graph, only web-standard globals when it runs, and the spec's
// validators loaded on the fake's first request rather than by the import.
import { join } from "node:path";
import { runInContext } from "node:vm";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleForNeutralPlatform } from "../support/neutral-bundle.js";
import { ROOT } from "../support/paths.js";
import { webOnlyContext } from "../support/web-context.js";

const ENTRY = join(ROOT, "src/testing/index.ts");
// ajv's message for a broken enum, in the generated validators and nowhere else.
const VALIDATOR_MARK = "must be equal to one of the allowed values";

describe("the testing entry on a runtime without Node", () => {
  it("bundles for esbuild's neutral platform without a Node built-in", async () => {
    const { nodeImports } = await bundleForNeutralPlatform({ file: ENTRY });
    expect(nodeImports).toEqual([]);
  });

  it("keeps the validators out of what an import loads", async () => {
    const result = await esbuild.build({
      entryPoints: { testing: ENTRY },
      outdir: join(ROOT, "test/output/testing-split"),
      bundle: true,
      splitting: true,
      write: false,
      format: "esm",
      platform: "neutral",
      mainFields: ["module", "main"],
      target: "es2022",
      logLevel: "silent",
    });
    const [entry, ...chunks] = [...result.outputFiles].sort((a) => (a.path.endsWith("/testing.js") ? -1 : 1));
    expect(entry!.path.endsWith("/testing.js")).toBe(true);
    expect(entry!.text.includes(VALIDATOR_MARK)).toBe(false);
    expect(entry!.text).not.toMatch(/^import .* from "\.\/request-violations/m);
    expect(chunks.some((chunk) => chunk.text.includes(VALIDATOR_MARK))).toBe(true);
  });

  it("creates, reads and deletes an order with only web-standard globals", async () => {
    const { code } = await bundleForNeutralPlatform(
      {
        source: `export { createFakeCdp } from "./src/testing/index.ts"; export * from "./src/index.ts";`,
        resolveDir: ROOT,
      },
      { format: "iife", globalName: "Fake" },
    );
    const context = webOnlyContext();
    runInContext(code, context);
    const { createFakeCdp, createOrderClient, unwrap, NotFoundError } =
      context.Fake as typeof import("../../src/index.js") & typeof import("../../src/testing/index.js");
    const fake = createFakeCdp();
    const cdp = createOrderClient({
      baseUrl: "https://fake.cdp.test",
      clientKey: "fake-client-key",
      apiToken: "fake-api-token",
      fetch: fake.fetch,
    });
    const body = { referenceId: "NEUTRAL-1", orderedAt: "2024-03-01T10:00:00Z", currencyCode: "EUR", price: 5 };
    const { ref: orderRef } = await unwrap(cdp.POST("/v2.1/orders", { body }));
    expect(await unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).toMatchObject(body);
    await unwrap(cdp.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }));
    await expect(unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
