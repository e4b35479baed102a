import { expect, it } from "vitest";
import { loadDereferencedSpec } from "../../scripts/spec.js";
import { REGION_BASE_URLS } from "../../src/regions.js";

it("the region map is exactly the spec's servers", () => {
  const servers = loadDereferencedSpec().servers as { url: string; description: string }[];
  const fromSpec = Object.fromEntries(
    servers.map((server) => [server.description.replace("Production server ", "").toLowerCase(), server.url]),
  );
  expect(fromSpec).toEqual(REGION_BASE_URLS);
});
