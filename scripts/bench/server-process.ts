import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { FromServer, ToServer } from "./server-main.js";
import type { BenchServerOptions } from "./server.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Starts a TypeScript entry point under tsx in a child process with an IPC channel. */
export function forkTypeScript(entry: URL, env: Record<string, string>): ChildProcess {
  return fork(fileURLToPath(entry), [], {
    cwd: REPO_ROOT,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

export interface BenchServerProcess {
  baseUrl: string;
  /** Requests the server counted since the last reset. */
  requestCount(): Promise<number>;
  resetRequestCount(): Promise<void>;
  stop(): Promise<void>;
}

function nextMessage<Type extends FromServer["type"]>(child: ChildProcess, type: Type): Promise<Extract<FromServer, { type: Type }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromServer) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as Extract<FromServer, { type: Type }>);
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`the bench server exited (code ${code}) before answering "${type}"`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

export async function startBenchServerProcess(options: BenchServerOptions): Promise<BenchServerProcess> {
  const child = forkTypeScript(new URL("./server-main.ts", import.meta.url), {
    BENCH_ITEMS: String(options.items),
    BENCH_LATENCY_MS: String(options.latencyMs),
  });
  const ask = <Type extends FromServer["type"]>(message: ToServer & { type: Type }) => {
    const answer = nextMessage(child, message.type);
    child.send(message);
    return answer;
  };
  const { baseUrl } = await nextMessage(child, "ready");
  return {
    baseUrl,
    requestCount: async () => (await ask({ type: "count" })).requests,
    resetRequestCount: async () => void (await ask({ type: "reset" })),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.send({ type: "close" } satisfies ToServer);
      // Ends this child, by its own handle, if it does not close within 5 s.
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
