// A CommonJS application: the same calls as esm.mjs, through require().
const { createOrderClient, RequestValidationError } = require("sitecore-cdp-orders");

async function main() {
  const cdp = createOrderClient({
    baseUrl: process.env.PRISM_URL,
    clientKey: "consumer-key",
    apiToken: "consumer-token",
  });

  const { data, response } = await cdp.GET("/v2.1/orders/{orderRef}", {
    params: { path: { orderRef: "order-from-cjs" } },
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
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
