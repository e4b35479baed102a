import { expect, expectTypeOf, it } from "vitest";
import { AuthenticationError, NotFoundError, ResponseParseError, unwrap } from "../../src/index.js";
import { observedClient } from "../helpers.js";

const orderRef = "o1";
const order = {
  ref: "o1",
  href: "https://cdp.test/v2.1/orders/o1",
  referenceId: "R1",
  orderedAt: "2024-01-01T00:00:00Z",
  currencyCode: "EUR",
  price: 1,
};

it("returns the data of a success", async () => {
  const { client } = observedClient(() => Response.json(order));
  const data = await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }));
  expectTypeOf(data.ref).toEqualTypeOf<string>();
  expect(data).toEqual(order);
});

it("returns undefined for a 204", async () => {
  const { client } = observedClient(() => new Response(null, { status: 204 }));
  await expect(
    unwrap(client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })),
  ).resolves.toBeUndefined();
});

it("throws the typed error with the request it answers", async () => {
  const { client } = observedClient(() =>
    Response.json({ status: 404, code: 404, message: "No such order" }, { status: 404 }),
  );
  const error = await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error).toMatchObject({
    status: 404,
    method: "GET",
    url: "https://cdp.test/v2.1/orders/o1",
    operation: "GET /v2.1/orders/{orderRef}",
    body: { status: 404, code: 404, message: "No such order" },
  });
});

it("names the likely causes of a 401", async () => {
  const { client } = observedClient(() =>
    Response.json({ status: "UNAUTHORIZED", code: 401, message: "Bad credentials" }, { status: 401 }),
  );
  const error = await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as Error).message).toMatch(/client key and API token .* region/);
});

it.each([
  ["truncated JSON", "application/json", '{"ref":"o1","hr', /not valid JSON/],
  [
    "an HTML page",
    "text/html; charset=utf-8",
    "<html><body>Gateway</body></html>",
    /text\/html where JSON was expected/,
  ],
  ["an empty body", "application/json", "", /empty body/],
])("a success with %s is a ResponseParseError keeping the first bytes", async (_, contentType, body, reason) => {
  const { client } = observedClient(
    () => new Response(body, { status: 200, headers: { "content-type": contentType } }),
  );
  const error = await client
    .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ResponseParseError);
  expect((error as ResponseParseError).message).toMatch(reason);
  expect((error as ResponseParseError).bodyStart).toBe(body);
});
