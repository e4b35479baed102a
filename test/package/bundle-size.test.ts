// `npm run size` reports request validation separately; these check that the split puts
// exactly the validators in the chunk loaded on first use.
import { describe, expect, it } from "vitest";
import { measure } from "../../scripts/bundle-size.js";

// ajv's message for a broken enum, in the generated validators and nowhere else.
const VALIDATOR_MARK = "must be equal to one of the allowed values";

describe("the bundle size measurements", () => {
  it("keep the generated validators out of what an import loads", async () => {
    const [entry, core] = await Promise.all([measure("every export"), measure("createOrderClient")]);
    expect(entry.initial.code.includes(VALIDATOR_MARK)).toBe(false);
    expect(core.initial.code.includes(VALIDATOR_MARK)).toBe(false);
    expect(entry.lazy.code.includes(VALIDATOR_MARK)).toBe(true);
    expect(core.initial.gzip).toBeLessThan(entry.initial.gzip);
  });

  it("count openapi-fetch and the transport in the core client", async () => {
    const { initial } = await measure("createOrderClient");
    // A message of openapi-fetch's, and one of the transport's.
    expect(initial.code.includes("Middleware must be an object")).toBe(true);
    expect(initial.code.includes("attempt timeout")).toBe(true);
  });

  it("attribute the core's bytes to their sources, and leave openapi-fetch out of the package's own share", async () => {
    const [core, own] = await Promise.all([
      measure("createOrderClient"),
      measure("createOrderClient without openapi-fetch"),
    ]);
    const sourceBytes = (part: typeof core.initial) => part.sources.reduce((sum, [, bytes]) => sum + bytes, 0);
    expect(core.initial.sources.some(([path]) => path.startsWith("node_modules/openapi-fetch/"))).toBe(true);
    expect(core.initial.sources.some(([path]) => path === "src/transport/timeouts.ts")).toBe(true);
    // The sources account for the code; the rest is the bundle's own glue.
    expect(sourceBytes(core.initial)).toBeLessThanOrEqual(core.initial.minified);
    expect(sourceBytes(core.initial)).toBeGreaterThan(0.9 * core.initial.minified);
    expect(own.initial.sources.some(([path]) => path.startsWith("node_modules/"))).toBe(false);
    expect(own.initial.code.includes("Middleware must be an object")).toBe(false);
    expect(own.initial.code.includes("attempt timeout")).toBe(true);
  });
});
