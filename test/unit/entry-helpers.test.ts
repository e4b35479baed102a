// The checks the client makes on its configuration and requests, exported for tools built on
// it (the cdp-orders command checks its flags and every line of a file with them).
import { describe, expect, it } from "vitest";
import { ConfigurationError, isRegion, loadRequestViolations, normalizeBaseUrl } from "../../src/index.js";
import { example } from "../contract/examples.js";

describe("loadRequestViolations", () => {
  it("lists every way a request breaks the spec, by where in the request", async () => {
    const requestViolations = await loadRequestViolations();
    const { currencyCode: _, ...withoutCurrency } = example("OrderRequest");
    expect(requestViolations("POST /v2.1/orders", { body: example("OrderRequest") })).toEqual([]);
    expect(requestViolations("POST /v2.1/orders", { body: { ...withoutCurrency, price: "free" } })).toEqual([
      expect.objectContaining({ path: "body.price", rule: "type" }),
      expect.objectContaining({ path: "body.currencyCode", rule: "required" }),
    ]);
    expect(requestViolations("GET /v2.1/orders/{orderRef}", { path: { orderRef: "" } })).toEqual([
      expect.objectContaining({ path: "path.orderRef" }),
    ]);
  });

  it("passes an operation the spec does not have, and loads the validators once", async () => {
    const [first, second] = await Promise.all([loadRequestViolations(), loadRequestViolations()]);
    expect(first).toBe(second);
    expect(first("POST /v2.1/unknown", { body: { anything: true } })).toEqual([]);
  });
});

it("isRegion names the four regions and nothing an object inherits", () => {
  expect(["ap", "eu", "jp", "us"].filter(isRegion)).toEqual(["ap", "eu", "jp", "us"]);
  expect(["EU", "toString", "__proto__", ""].filter(isRegion)).toEqual([]);
});

it("normalizeBaseUrl checks a base URL as the client does, and drops its trailing slashes", () => {
  expect(normalizeBaseUrl("http://127.0.0.1:4010/")).toBe("http://127.0.0.1:4010");
  expect(normalizeBaseUrl("https://cdp.example/tenant//")).toBe("https://cdp.example/tenant");
  expect(() => normalizeBaseUrl("http://cdp.example")).toThrow(ConfigurationError);
  expect(() => normalizeBaseUrl("https://key:token@cdp.example")).toThrow(/must not contain credentials/);
});
