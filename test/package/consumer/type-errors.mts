// Deliberate mistakes. The pack smoke test requires a compile error on each line marked
// `type error` and on no other line.
import { createOrderClient } from "sitecore-cdp-orders";

const cdp = createOrderClient({ region: "eu", clientKey: "key", apiToken: "token" });

await cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: 42 } } }); // type error: a ref is a string
await cdp.GET("/v2.1/order", {}); // type error: no such path
await cdp.POST("/v2.1/orders", { body: { referenceId: "R-1", orderedAt: "2024-01-01T00:00:00Z", currencyCode: "EUR", price: 1, ref: "mine" } }); // type error: ref is assigned by the server
createOrderClient({ region: "mars" }); // type error: not a region
