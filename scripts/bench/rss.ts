import { once } from "node:events";
import type { ProbeMode, ProbeResult } from "./rss-probe.js";
import { forkTypeScript } from "./child-process.js";

/** Lists the collection once in a fresh process and returns that process's peak RSS. */
export async function measurePeakRss(
  baseUrl: string,
  mode: ProbeMode,
  options: { maxPages: number; concurrency: number },
): Promise<ProbeResult> {
  const child = forkTypeScript(new URL("./rss-probe.ts", import.meta.url), {
    BENCH_PROBE_MODE: mode,
    BENCH_BASE_URL: baseUrl,
    BENCH_MAX_PAGES: String(options.maxPages),
    BENCH_CONCURRENCY: String(options.concurrency),
  });
  const exited = once(child, "exit");
  const [result] = (await Promise.race([
    once(child, "message"),
    exited.then(([code]) => Promise.reject(new Error(`the ${mode} probe exited with code ${code} without a result`))),
  ])) as [ProbeResult];
  await exited;
  return result;
}
