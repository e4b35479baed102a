// `npx tsx scripts/bench/fake.ts [loops]`: how many calls a second the in-memory fake
// (`sitecore-cdp-orders/testing`) answers in one process, for a loop that creates an order
// and reads it back, one call after the other: through a client (its own request checks
// included), and through the fake's fetch alone. Runs from the TypeScript sources, as tests do.
import { pathToFileURL } from "node:url";
import { createOrderClient, unwrap } from "../../src/index.js";
import { createFakeCdp } from "../../src/testing/index.js";

export interface FakeSpeed {
  /** Calls answered: two per loop. */
  calls: number;
  seconds: number;
  callsPerSecond: number;
}

const BASE_URL = "https://fake.cdp.test";
const AUTH = { authorization: `Basic ${btoa("fake-client-key:fake-api-token")}` };
const body = (i: number) => ({
  referenceId: `BENCH-${i}`,
  orderedAt: "2024-03-01T10:00:00Z",
  currencyCode: "EUR",
  price: 10,
});

async function timed(loops: number, loop: (i: number) => Promise<void>): Promise<FakeSpeed> {
  for (let i = 0; i < Math.min(50, loops); i++) await loop(-i - 1);
  const started = performance.now();
  for (let i = 0; i < loops; i++) await loop(i);
  const seconds = (performance.now() - started) / 1000;
  return { calls: 2 * loops, seconds, callsPerSecond: (2 * loops) / seconds };
}

/** Creates then reads `loops` orders through a client of a fresh fake; throws if a read differs. */
export function throughClient(loops: number): Promise<FakeSpeed> {
  const fake = createFakeCdp();
  const cdp = createOrderClient({
    baseUrl: BASE_URL,
    clientKey: "fake-client-key",
    apiToken: "fake-api-token",
    fetch: fake.fetch,
  });
  return timed(loops, async (i) => {
    const { ref } = await unwrap(cdp.POST("/v2.1/orders", { body: body(i) }));
    const read = await unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ref } } }));
    if (read.referenceId !== `BENCH-${i}`) throw new Error(`read ${read.referenceId} for BENCH-${i}`);
  });
}

/** The same loop on the fake's fetch alone, without a client. */
export function throughFetch(loops: number): Promise<FakeSpeed> {
  const fake = createFakeCdp();
  return timed(loops, async (i) => {
    const created = await fake.fetch(`${BASE_URL}/v2.1/orders`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json" },
      body: JSON.stringify(body(i)),
    });
    const { href } = (await created.json()) as { href: string };
    const read = (await (await fake.fetch(href, { headers: AUTH })).json()) as { referenceId: string };
    if (read.referenceId !== `BENCH-${i}`) throw new Error(`read ${read.referenceId} for BENCH-${i}`);
  });
}

export const describeSpeed = (label: string, { calls, seconds, callsPerSecond }: FakeSpeed) =>
  `${label}: ${Math.round(callsPerSecond).toLocaleString("en")} calls/s (${calls} calls in ${seconds.toFixed(2)} s)`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const loops = Number(process.argv[2] ?? 2000);
  console.log(`the fake CDP, create then read, ${loops} loops, one call at a time, in one process`);
  console.log(describeSpeed("through a client", await throughClient(loops)));
  console.log(describeSpeed("through fake.fetch alone", await throughFetch(loops)));
}
