// The fake API (test/fake-cdp) in a process of its own for the import benchmark, so its work
// does not share an event loop with the import being measured.
import type { FromFake, ToFake } from "../../test/fake-cdp/main.js";
import { answersOf, forkTypeScript, stopChild } from "./child-process.js";

export type FakeStats = Extract<FromFake, { type: "stats" }>;

export interface FakeProcess {
  url: string;
  stats(): Promise<FakeStats>;
  stop(): Promise<void>;
}

export async function startFakeProcess(latencyMs: number): Promise<FakeProcess> {
  const child = forkTypeScript(new URL("../../test/fake-cdp/main.ts", import.meta.url), {
    FAKE_LATENCY_MS: String(latencyMs),
  });
  const next = answersOf<FromFake>(child, "the fake");
  const { url } = await next("ready");
  return {
    url,
    async stats() {
      const answer = next("stats");
      child.send({ type: "stats" } satisfies ToFake);
      return answer;
    },
    stop: () => stopChild(child, { type: "close" } satisfies ToFake),
  };
}
