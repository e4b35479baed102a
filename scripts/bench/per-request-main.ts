// One process of section (a) or (e): measures the contenders side by side against the bench
// server and sends the measurements to the parent. Each process starts cold, so its JIT, heap
// and memory layout are its own; the parent compares several.
import { importClient } from "./built-client.js";
import { perRequestContenders, type BenchMethod } from "./per-request.js";
import { measureSideBySide, type Measurement } from "./side-by-side.js";
import { type ResponseCaseName, responseValidationContenders } from "./strict-responses.js";

export type FromMeasurer = { type: "measured"; measurements: Measurement[] };

const { createOrderClient } = await importClient(process.env.BENCH_CLIENT_URL!);
const baseUrl = process.env.BENCH_BASE_URL!;
// Section (e) names a response case; section (a) a method.
const responseCase = process.env.BENCH_RESPONSE_CASE as ResponseCaseName | undefined;
const contenders = responseCase
  ? responseValidationContenders(baseUrl, responseCase, createOrderClient)
  : perRequestContenders(baseUrl, process.env.BENCH_METHOD as BenchMethod, createOrderClient);
const measurements = await measureSideBySide(contenders, {
  calls: Number(process.env.BENCH_CALLS),
  warmupCalls: Number(process.env.BENCH_WARMUP_CALLS),
  seed: Number(process.env.BENCH_SEED),
});
// Exits once the parent has the answer; idle keep-alive sockets would otherwise linger.
process.send!({ type: "measured", measurements } satisfies FromMeasurer, () => process.exit(0));
