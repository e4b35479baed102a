// An ES module application: create a client, call one operation, and have one call
// refused by request validation. Prints what happened as JSON for the test to check.
import { createOrderClient, RequestValidationError } from "sitecore-cdp-orders";

const cdp = createOrderClient({
  baseUrl: process.env.PRISM_URL,
  clientKey: "consumer-key",
  apiToken: "consumer-token",
});

const { data, response } = await cdp.GET("/v2.1/orders/{orderRef}", {
  params: { path: { orderRef: "order-from-esm" } },
});

let violations = [];
try {
  await cdp.POST("/v2.1/orders", {
    body: { referenceId: "R-1", orderedAt: "yesterday", currencyCode: "EUR", price: 1 },
  });
} catch (error) {
  if (!(error instanceof RequestValidationError)) throw error;
  violations = error.violations.map(({ path, rule }) => `${path} ${rule}`);
}

console.log(JSON.stringify({ status: response.status, referenceId: data.referenceId, violations }));
