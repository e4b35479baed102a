import { expect, it } from "vitest";
import { loadDereferencedSpec } from "../../scripts/spec.js";
import { DEFAULT_RETRY, PAGE_LIMIT, REGION_BASE_URLS, REGIONS, type Region } from "../../src/index.js";

it("the region map is exactly the spec's servers", () => {
  const servers = loadDereferencedSpec().servers as { url: string; description: string }[];
  const fromSpec = Object.fromEntries(
    servers.map((server) => [server.description.replace("Production server ", "").toLowerCase(), server.url]),
  );
  expect(fromSpec).toEqual(REGION_BASE_URLS);
});

// Every client reads these: a caller's change to one would reach clients it never made.
it("the exported defaults and tables cannot be changed", () => {
  const mutations: (() => void)[] = [
    () => Object.assign(DEFAULT_RETRY, { maxRetries: 0 }),
    () => Object.assign(REGION_BASE_URLS, { eu: "https://cdp.example" }),
    () => (REGIONS as Region[]).push("xx" as Region),
    () => Object.assign(PAGE_LIMIT, { max: 1000 }),
  ];
  for (const mutate of mutations) expect(mutate).toThrow(TypeError);
  expect(DEFAULT_RETRY.maxRetries).toBe(2);
  expect(REGIONS).toEqual(["ap", "eu", "jp", "us"]);
  // @ts-expect-error: read-only
  void (() => (DEFAULT_RETRY.maxRetries = 0));
  // @ts-expect-error: read-only
  void (() => REGIONS.push("eu"));
});
