import createClient from "openapi-fetch";
import { createOrderClient } from "../src/index.js";
const body = JSON.stringify({ offset: 0, limit: 10, items: Array.from({length: 10}, (_, i) => ({ ref: `r${i}`, href: `https://x/v2.1/orderItems/r${i}`, name: "Mobile", type: "MOBILE", price: 1, currencyCode: "EUR" })) });
globalThis.fetch = (async () => new Response(body, { status: 200, headers: { "content-type": "application/json" } })) as typeof fetch;
const bare = createClient<any>({ baseUrl: "https://cdp.test", headers: { Authorization: "Basic x" } });
const ours = createOrderClient({ baseUrl: "https://cdp.test", clientKey: "key-1234567", apiToken: "token-123456789" });
const path = "/v2.1/orders/{orderRef}/orderItems" as const;
const init = { params: { path: { orderRef: "o1" }, query: { expand: true, offset: 0, limit: 10 } } } as const;
const post = { params: { path: { orderRef: "o1" } }, body: { name: "Mobile AZ10", type: "MOBILE", price: 105, currencyCode: "EUR", status: "CONFIRMED" } } as const;
const fns: Record<string, () => Promise<unknown>> = {
  bareGET: () => bare.GET(path, init), oursGET: () => ours.GET(path, init),
  barePOST: () => bare.POST(path, post), oursPOST: () => ours.POST(path, post as never),
};
const totals: Record<string, number> = {}; for (const k in fns) totals[k] = 0;
for (let i = 0; i < 3000; i++) for (const k in fns) await fns[k]!();
const N = 20000;
for (let i = 0; i < N; i++) for (const k in fns) { const t = performance.now(); await fns[k]!(); totals[k]! += performance.now() - t; }
for (const k in totals) console.log(k, ((totals[k]! / N) * 1000).toFixed(1), "µs");
