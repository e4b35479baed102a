import { inspect } from "node:util";
import { expect, it } from "vitest";
import { createOrderClient } from "../../src/index.js";
import { observedClient, TEST_CREDENTIALS } from "../helpers.js";

const expectedAuthorization = `Basic ${btoa(`${TEST_CREDENTIALS.clientKey}:${TEST_CREDENTIALS.apiToken}`)}`;

it("sends Basic auth and JSON headers on every request", async () => {
  const { client, requests } = observedClient();
  await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: "r1" } } });
  await client.POST("/v2.1/orders/{orderRef}/orderItems", {
    params: { path: { orderRef: "r1" } },
    body: { name: "Phone", type: "MOBILE", price: 1, currencyCode: "EUR", status: "CONFIRMED" },
  });
  await client.DELETE("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef: "i1" } } });
  expect(requests.map((r) => [r.method, r.url, r.headers.get("authorization"), r.headers.get("accept")])).toEqual([
    ["GET", "https://cdp.test/v2.1/orders/r1", expectedAuthorization, "application/json"],
    ["POST", "https://cdp.test/v2.1/orders/r1/orderItems", expectedAuthorization, "application/json"],
    ["DELETE", "https://cdp.test/v2.1/orderItems/i1", expectedAuthorization, "application/json"],
  ]);
  expect(JSON.parse(requests[1]!.body)).toEqual({
    name: "Phone",
    type: "MOBILE",
    price: 1,
    currencyCode: "EUR",
    status: "CONFIRMED",
  });
});

it("serialises query parameters", async () => {
  const { client, requests } = observedClient();
  await client.GET("/v2.1/orders", {
    params: { query: { guestRef: "g1", sort: "orderedAt", expand: true, limit: 20 } },
  });
  const url = new URL(requests[0]!.url);
  expect(url.pathname).toBe("/v2.1/orders");
  expect(Object.fromEntries(url.searchParams)).toEqual({
    guestRef: "g1",
    sort: "orderedAt",
    expand: "true",
    limit: "20",
  });
});

it("uses the region's host", async () => {
  const urls: string[] = [];
  const client = createOrderClient({
    region: "jp",
    ...TEST_CREDENTIALS,
    fetch: async (request) => {
      urls.push(request.url);
      return Response.json({});
    },
  });
  await client.GET("/v2.1/orderConsumers/{orderConsumerRef}", { params: { path: { orderConsumerRef: "c1" } } });
  expect(urls).toEqual(["https://api-engage-jpe.sitecorecloud.io/v2.1/orderConsumers/c1"]);
});

it("returns the parsed body as data", async () => {
  const { client } = observedClient(() =>
    Response.json({ ref: "o1", href: "https://cdp.test/v2.1/orders/o1" }, { status: 200 }),
  );
  const { data, error } = await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: "o1" } } });
  expect(error).toBeUndefined();
  expect(data?.ref).toBe("o1");
});

it("keeps the API token out of the client object", () => {
  const client = createOrderClient({ region: "eu", ...TEST_CREDENTIALS });
  const printed = inspect(client, { depth: 10, showHidden: true }) + JSON.stringify(client);
  expect(printed).not.toContain(TEST_CREDENTIALS.apiToken);
  expect(printed).not.toContain(expectedAuthorization.slice(6));
});

it("exposes the resolved base URL, for following links on the same origin", () => {
  expect(createOrderClient({ region: "us", ...TEST_CREDENTIALS }).baseUrl).toBe(
    "https://api-engage-us.sitecorecloud.io",
  );
});
