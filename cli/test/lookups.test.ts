// Look-ups decide whether a part of a line exists; a wrong "yes" skips it, a wrong "no"
// creates it twice.
import { expect, it } from "vitest";
import { Lookups } from "../src/import/lookups.js";
import { createOrderClient } from "sitecore-cdp-orders";

const BASE = "https://cdp.test";

it("matches the consumer with the fewest other fields, whatever empty defaults the API adds", async () => {
  const consumers = [
    { ref: "c1", href: `${BASE}/v2.1/orderConsumers/c1`, firstName: "Ann", lastName: "Byrne", emails: [] },
    { ref: "c2", href: `${BASE}/v2.1/orderConsumers/c2`, firstName: "Ann", emails: [], phoneNumbers: [] },
  ];
  const fetch = async (request: Request) =>
    Response.json({ href: request.url, offset: 0, limit: 100, items: consumers });
  const lookups = new Lookups(createOrderClient({ baseUrl: BASE, clientKey: "k", apiToken: "t", fetch }));
  expect(await lookups.consumer("o1", { firstName: "Ann" }, new Set())).toBe("c2");
  expect(await lookups.consumer("o1", { firstName: "Ann", lastName: "Byrne" }, new Set())).toBe("c1");
  expect(await lookups.consumer("o1", { firstName: "Ann" }, new Set(["c2"]))).toBe("c1");
  expect(await lookups.consumer("o1", { firstName: "Bea" }, new Set())).toBeUndefined();
});
