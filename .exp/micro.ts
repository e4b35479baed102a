import createClient from "openapi-fetch";
import { createOrderClient } from "../src/index.js";
const body = JSON.stringify({ offset: 0, limit: 10, items: Array.from({length: 10}, (_, i) => ({ ref: `r${i}`, href: `https://x/v2.1/orderItems/r${i}`, name: "Mobile", type: "MOBILE", price: 1, currencyCode: "EUR" })) });
const stub = async (input: RequestInfo | URL, init?: RequestInit) => new Response(body, { status: 200, headers: { "content-type": "application/json" } });
globalThis.fetch = stub as typeof fetch;
const bare = createClient<any>({ baseUrl: "https://cdp.test", headers: { Authorization: "Basic x" } });
const ours = createOrderClient({ baseUrl: "https://cdp.test", clientKey: "key-1234567", apiToken: "token-123456789" });
const path = "/v2.1/orders/{orderRef}/orderItems" as const;
const init = { params: { path: { orderRef: "o1" }, query: { expand: true, offset: 0, limit: 10 } } } as const;
async function time(name: string, f: () => Promise<unknown>, n = 20000) {
  for (let i = 0; i < 2000; i++) await f();
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  return ((performance.now() - t) / n) * 1000;
}
for (let r = 0; r < 3; r++) {
  const a = await time("bare", () => bare.GET(path, init));
  const b = await time("ours", () => ours.GET(path, init));
  console.log(`bare ${a.toFixed(1)} µs, ours ${b.toFixed(1)} µs, diff ${(b - a).toFixed(1)}`);
}
