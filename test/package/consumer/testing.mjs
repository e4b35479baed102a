// The fake API from `sitecore-cdp-orders/testing` in an ES module: create an order through a
// client, read it back, and see an injected 503. Prints what happened as JSON for the test.
import { createOrderClient, InternalServerError, unwrap } from "sitecore-cdp-orders";
import { createFakeCdp } from "sitecore-cdp-orders/testing";

const fake = createFakeCdp();
const cdp = createOrderClient({
  baseUrl: "https://fake.cdp.test",
  clientKey: "fake-client-key",
  apiToken: "fake-api-token",
  retry: { maxRetries: 0 },
  fetch: fake.fetch,
});

const body = { referenceId: "R-ESM", orderedAt: "2024-05-01T10:00:00Z", currencyCode: "EUR", price: 10 };
const { ref } = await unwrap(cdp.POST("/v2.1/orders", { body }));
const read = await unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ref } } }));
fake.fail({ kind: "status", status: 503 }, { times: 1 });
const failed = await unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ref } } })).catch(
  (error) => error,
);

console.log(
  JSON.stringify({
    referenceId: read.referenceId,
    stored: fake.store.orders().map((order) => order.fields.referenceId),
    injected: failed instanceof InternalServerError ? failed.status : String(failed),
  }),
);
