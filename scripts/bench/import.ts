// Section (d): `cdp-orders import` against the fake API with latency, at two concurrencies:
// orders per second and the ratio to the ideal, concurrency ÷ (requests per order × latency).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliValues } from "../../cli/src/args.js";
import { createCliClient } from "../../cli/src/cli-client.js";
import { silentReporter } from "../../cli/src/import/progress.js";
import { runImport } from "../../cli/src/import/run-import.js";
import { sampleOrders, toNdjson } from "../../test/fake-cdp/sample-orders.js";
import { FAKE_CREDENTIALS } from "../../test/fake-cdp/server.js";
import type { FakeProcess } from "./import-fake.js";
import type { Row } from "./report.js";

/** Each benchmark order: the order, its contact and two items. */
export const REQUESTS_PER_ORDER = 4;
export const IMPORT_TARGET = 0.8;

export interface ImportResult {
  concurrency: number;
  orders: number;
  wallMs: number;
  requests: number;
  ordersPerSecond: number;
  idealPerSecond: number;
}

async function importOnce(fake: FakeProcess, dir: string, prefix: string, orders: number, concurrency: number) {
  const input = join(dir, `${prefix}.ndjson`);
  writeFileSync(input, toNdjson(sampleOrders(orders, { prefix, items: 2, consumersAndExtensions: false })));
  const env = { CDP_CLIENT_KEY: FAKE_CREDENTIALS.clientKey, CDP_API_TOKEN: FAKE_CREDENTIALS.apiToken };
  // Configured as `cdp-orders import` configures it.
  const { client, gate, fetch } = createCliClient({ "base-url": fake.url } as CliValues, env, concurrency, {
    validateRequests: false,
  });
  const before = await fake.stats();
  const started = performance.now();
  const summary = await runImport({
    input,
    journalPath: `${input}.journal`,
    reportPath: `${input}.report.json`,
    dryRun: false,
    resume: false,
    concurrency,
    client,
    gate,
    fetch,
    progress: silentReporter,
  });
  const wallMs = performance.now() - started;
  const after = await fake.stats();
  if (summary.created !== orders || after.orders - before.orders !== orders) {
    throw new Error(`import at concurrency ${concurrency} created ${summary.created} of ${orders} orders`);
  }
  if (after.violations.length > 0) throw new Error(`the fake saw spec violations: ${after.violations.join("; ")}`);
  return { wallMs, requests: after.requests - before.requests };
}

/** Imports `orders` orders once per concurrency, after a small untimed warm-up run. */
export async function measureImports(
  fake: FakeProcess,
  options: { orders: number; latencyMs: number; concurrencies: readonly number[] },
): Promise<ImportResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "cdp-orders-bench-"));
  try {
    await importOnce(fake, dir, "WARMUP", 50, 4);
    const results: ImportResult[] = [];
    for (const concurrency of options.concurrencies) {
      const { wallMs, requests } = await importOnce(fake, dir, `BENCH-C${concurrency}`, options.orders, concurrency);
      results.push({
        concurrency,
        orders: options.orders,
        wallMs,
        requests,
        ordersPerSecond: (options.orders * 1000) / wallMs,
        idealPerSecond: concurrency / ((REQUESTS_PER_ORDER * options.latencyMs) / 1000),
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function importRows(title: string, results: ImportResult[]): Row[] {
  return results.map((r) => {
    const ratio = r.ordersPerSecond / r.idealPerSecond;
    const verdict = `≥ ${IMPORT_TARGET.toFixed(2)}× ideal: ${ratio >= IMPORT_TARGET ? "met" : `MISSED (${(((IMPORT_TARGET - ratio) / IMPORT_TARGET) * 100).toFixed(1)}% short)`}`;
    return [
      title,
      `cdp-orders import, concurrency ${r.concurrency}`,
      r.requests.toLocaleString("en-US"),
      `${r.ordersPerSecond.toFixed(1)} orders/s`,
      `${ratio.toFixed(2)}× ideal ${r.idealPerSecond.toFixed(1)} orders/s; ${Math.round(r.wallMs).toLocaleString("en-US")} ms`,
      verdict,
    ];
  });
}
