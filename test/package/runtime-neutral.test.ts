// The library entry must run wherever `fetch` does (Node 20+, Bun, Deno, Workers): no Node
// built-ins anywhere in its import graph, and no Node globals when it runs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInContext } from "node:vm";
import { describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { bundleForNeutralPlatform } from "../support/neutral-bundle.js";
import { ROOT } from "../support/paths.js";
import { webOnlyContext } from "../support/web-context.js";

const ENTRY = { file: join(ROOT, "src/index.ts") };

const ORDER_EXAMPLE = parse(readFileSync(join(ROOT, "openapi/components/examples/Order.yaml"), "utf8")).value as {
  referenceId: string;
};

describe("the library entry on a runtime without Node", () => {
  it("bundles for esbuild's neutral platform, dependencies included, without a Node built-in", async () => {
    const { nodeImports } = await bundleForNeutralPlatform(ENTRY);
    expect(nodeImports).toEqual([]);
  });

  it("the bundle check names each Node built-in that is imported", async () => {
    const { nodeImports } = await bundleForNeutralPlatform({
      source: `export * from "./src/index.ts"; export { join } from "node:path"; export { EventEmitter } from "events";`,
      resolveDir: ROOT,
    });
    expect(nodeImports).toEqual(["node:path (from <stdin>)", "events (from <stdin>)"]);
  });

  it("creates a client and calls the mock with only web-standard globals", async () => {
    const { code } = await bundleForNeutralPlatform(ENTRY, { format: "iife", globalName: "CdpOrders" });
    const context = webOnlyContext();
    expect(runInContext("[typeof process, typeof Buffer, typeof require, typeof setImmediate]", context)).toEqual([
      "undefined",
      "undefined",
      "undefined",
      "undefined",
    ]);
    runInContext(code, context);
    const { createOrderClient, ConfigurationError, RequestValidationError } =
      context.CdpOrders as typeof import("../../src/index.js");

    // Without `process` there is no environment to read, so credentials must be given.
    expect(() => createOrderClient({ region: "eu" })).toThrow(ConfigurationError);

    const cdp = createOrderClient({ baseUrl: inject("prismUrl"), clientKey: "neutral-key", apiToken: "neutral-token" });
    const { data, response } = await cdp.GET("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef: "any-order" } },
    });
    expect(response.status).toBe(200);
    expect(data?.referenceId).toBe(ORDER_EXAMPLE.referenceId);

    // Request validation (ajv's generated code and its format checks) runs there too.
    const invalid = cdp.POST("/v2.1/orders", {
      body: { referenceId: "R-1", orderedAt: "yesterday", currencyCode: "EUR", price: 1 },
    });
    await expect(invalid).rejects.toBeInstanceOf(RequestValidationError);
    await expect(invalid).rejects.toMatchObject({ violations: [{ path: "body.orderedAt", rule: "format" }] });
  });
});
