// `npm run size` reports request validation separately; these check that its figures
// leave out exactly that and nothing else.
import { describe, expect, it } from "vitest";
import { measure } from "../../scripts/bundle-size.js";

// ajv's message for a broken enum, in the generated validators and nowhere else.
const VALIDATOR_MARK = "must be equal to one of the allowed values";
const hasValidators = (code: string) => code.includes(VALIDATOR_MARK);

describe("the bundle size measurements", () => {
  it("leave the generated validators out of the figures without request validation, and only there", async () => {
    const [entry, entryWithout, core] = await Promise.all([
      measure("every export", { requestValidation: true }),
      measure("every export", { requestValidation: false }),
      measure("createOrderClient", { requestValidation: false }),
    ]);
    expect([entry, entryWithout, core].map(({ code }) => hasValidators(code))).toEqual([true, false, false]);
    expect(entryWithout.gzip).toBeLessThan(entry.gzip);
    expect(core.gzip).toBeLessThan(entryWithout.gzip);
  });

  it("count openapi-fetch and the transport in the core client", async () => {
    const core = await measure("createOrderClient", { requestValidation: false });
    // A message of openapi-fetch's, and one of the transport's.
    expect(core.code.includes("Middleware must be an object")).toBe(true);
    expect(core.code.includes("attempt timeout")).toBe(true);
  });
});
