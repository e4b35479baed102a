// The fake API through require(): the same calls as testing.mjs.
const { createOrderClient, InternalServerError, unwrap } = require("sitecore-cdp-orders");
const { createFakeCdp } = require("sitecore-cdp-orders/testing");

async function main() {
  const fake = createFakeCdp();
  const cdp = createOrderClient({
    baseUrl: "https://fake.cdp.test",
    clientKey: "fake-client-key",
    apiToken: "fake-api-token",
    retry: { maxRetries: 0 },
    fetch: fake.fetch,
  });

  const body = { referenceId: "R-CJS", orderedAt: "2024-05-01T10:00:00Z", currencyCode: "EUR", price: 10 };
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
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
