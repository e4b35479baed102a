import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { SPEC_PATH } from "./spec.js";

export interface RunningPrism {
  baseUrl: string;
  pid: number;
  /** Settles with Prism's exit code (null when a signal ended it) once it exits. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port assigned");
  return address.port;
}

/** Fails when something already listens on the port: its answers would pass for Prism's. */
async function ensureFree(port: number): Promise<void> {
  const server = createServer();
  server.listen(port, "127.0.0.1");
  try {
    await once(server, "listening");
  } catch (error) {
    const taken = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    throw new Error(
      taken
        ? `port ${port} on 127.0.0.1 is already in use`
        : `cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`,
    );
  }
  await new Promise((resolve) => server.close(resolve));
}

function prismEntry(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist/index.js");
}

async function waitUntilAnswering(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Prism exited with code ${child.exitCode} before answering:\n${output()}`);
    }
    try {
      await fetch(`${baseUrl}/v2.1/orders?referenceId=ready`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`Prism did not answer within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts Prism mock-serving the spec on a free 127.0.0.1 port and resolves once it
 * answers HTTP. `stop()` ends exactly this process, by its pid.
 */
export async function startPrism(options: { port?: number; timeoutMs?: number } = {}): Promise<RunningPrism> {
  const port = options.port ?? (await freePort());
  await ensureFree(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [prismEntry(), "mock", "-h", "127.0.0.1", "-p", String(port), SPEC_PATH], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilAnswering(baseUrl, child, () => log, options.timeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error("Prism has no pid");
  return { baseUrl, pid: child.pid, exited, stop };
}
