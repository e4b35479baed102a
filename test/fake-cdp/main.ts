// Runs the fake in a process of its own (for the benchmark, or by hand), so its work does
// not share an event loop with the client. Set-up comes from the environment:
// FAKE_LATENCY_MS, FAKE_PORT and FAKE_FAULTS (e.g. "seed=7,resetAfter=0.01,error500=0.01,rateLimitEvery=3000").
// With an IPC channel it reports `ready` and answers `stats` and `close`; without one it
// prints its URL and runs until interrupted.
import { combineFaults, randomFaults, rateLimitWindows, type RandomFaultRates } from "./faults.js";
import { startFakeCdp } from "./server.js";

export type ToFake = { type: "stats" } | { type: "close" };
export type FromFake =
  | { type: "ready"; url: string }
  | { type: "stats"; requests: number; orders: number; items: number; contacts: number; violations: string[] };

/** Random faults on creates, and a rate limit that trips every `rateLimitEvery` requests for `rateLimitSeconds`. */
function faultsFrom(spec: string | undefined) {
  if (!spec) return undefined;
  const settings = Object.fromEntries(spec.split(",").map((pair) => pair.split("=") as [string, string]));
  const { seed = "1", rateLimitEvery, rateLimitSeconds = "1", ...rates } = settings;
  const random = randomFaults({
    seed: Number(seed),
    rates: Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, Number(v)])) as RandomFaultRates,
    methods: ["POST"],
  });
  return rateLimitEvery
    ? combineFaults(
        rateLimitWindows({ everyRequests: Number(rateLimitEvery), seconds: Number(rateLimitSeconds) }),
        random,
      )
    : random;
}

const faults = faultsFrom(process.env.FAKE_FAULTS);
const fake = await startFakeCdp({
  latencyMs: Number(process.env.FAKE_LATENCY_MS ?? 0),
  ...(faults ? { faults } : {}),
  ...(process.env.FAKE_PORT ? { port: Number(process.env.FAKE_PORT) } : {}),
});
const send = (message: FromFake) => process.send?.(message);
let closing: Promise<void> | undefined;
const close = () => (closing ??= fake.close());

if (process.send) {
  process.on("message", (message: ToFake) => {
    if (message.type === "stats") {
      const { store } = fake;
      send({
        type: "stats",
        requests: fake.requests.length,
        orders: store.orders.size,
        items: store.items.size,
        contacts: store.contacts.size,
        violations: [...fake.violations],
      });
    } else void close().then(() => process.disconnect());
  });
  process.on("disconnect", () => void close());
  send({ type: "ready", url: fake.url });
} else {
  console.log(`fake CDP on ${fake.url}; its credentials are FAKE_CREDENTIALS in test/fake-cdp/server.ts`);
  process.on("SIGINT", () => void close().then(() => process.exit(0)));
}
