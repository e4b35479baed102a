import { answersOf, forkTypeScript, stopChild } from "./child-process.js";
import type { FromServer, ToServer } from "./server-main.js";
import type { BenchServerOptions } from "./server.js";

export interface BenchServerProcess {
  baseUrl: string;
  /** Requests the server counted since the last reset. */
  requestCount(): Promise<number>;
  resetRequestCount(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchServerProcess(options: BenchServerOptions): Promise<BenchServerProcess> {
  const child = forkTypeScript(new URL("./server-main.ts", import.meta.url), {
    BENCH_ITEMS: String(options.items),
    BENCH_LATENCY_MS: String(options.latencyMs),
  });
  const next = answersOf<FromServer>(child, "the bench server");
  const ask = <Type extends FromServer["type"]>(message: ToServer & { type: Type }) => {
    const answer = next(message.type);
    child.send(message);
    return answer;
  };
  const { baseUrl } = await next("ready");
  return {
    baseUrl,
    requestCount: async () => (await ask({ type: "count" })).requests,
    resetRequestCount: async () => void (await ask({ type: "reset" })),
    stop: () => stopChild(child, { type: "close" } satisfies ToServer),
  };
}
