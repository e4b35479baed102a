// One process of section (a): measures the contenders side by side against the bench server
// and sends the measurements to the parent. Each process starts cold, so its JIT, heap and
// memory layout are its own; the parent compares several.
import { importClient } from "./built-client.js";
import { measureSideBySide, type Measurement } from "./side-by-side.js";
import { perRequestContenders, type BenchMethod } from "./per-request.js";

export type FromMeasurer = { type: "measured"; measurements: Measurement[] };

const { createOrderClient } = await importClient(process.env.BENCH_CLIENT_URL!);
const measurements = await measureSideBySide(
  perRequestContenders(process.env.BENCH_BASE_URL!, process.env.BENCH_METHOD as BenchMethod, createOrderClient),
  {
    calls: Number(process.env.BENCH_CALLS),
    warmupCalls: Number(process.env.BENCH_WARMUP_CALLS),
    seed: Number(process.env.BENCH_SEED),
  },
);
// Exits once the parent has the answer; idle keep-alive sockets would otherwise linger.
process.send!({ type: "measured", measurements } satisfies FromMeasurer, () => process.exit(0));
