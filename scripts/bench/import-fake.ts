// The fake API (test/fake-cdp) in a process of its own for the import benchmark, so its work
// does not share an event loop with the import being measured.
import type { ChildProcess } from "node:child_process";
import type { FromFake, ToFake } from "../../test/fake-cdp/main.js";
import { forkTypeScript } from "./server-process.js";

export type FakeStats = Extract<FromFake, { type: "stats" }>;

export interface FakeProcess {
  url: string;
  stats(): Promise<FakeStats>;
  stop(): Promise<void>;
}

function next<Type extends FromFake["type"]>(child: ChildProcess, type: Type): Promise<Extract<FromFake, { type: Type }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromFake) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as Extract<FromFake, { type: Type }>);
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`the fake exited (code ${code}) before answering "${type}"`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

export async function startFakeProcess(latencyMs: number): Promise<FakeProcess> {
  const child = forkTypeScript(new URL("../../test/fake-cdp/main.ts", import.meta.url), { FAKE_LATENCY_MS: String(latencyMs) });
  const { url } = await next(child, "ready");
  return {
    url,
    async stats() {
      const answer = next(child, "stats");
      child.send({ type: "stats" } satisfies ToFake);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ type: "close" } satisfies ToFake);
      // Ends this child, by its own handle, if it does not close within 5 s.
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
