// Runs the CLI the way a user does, in a process of its own (node + tsx, no build needed),
// or in this process for quick checks, with its output captured.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/run-cli.js";
import { FAKE_CREDENTIALS } from "../../test/fake-cdp/server.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = fileURLToPath(new URL("../src/main.ts", import.meta.url));

/** The environment a CLI run gets: the fake's credentials, nothing about a real tenant. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    CDP_CLIENT_KEY: FAKE_CREDENTIALS.clientKey,
    CDP_API_TOKEN: FAKE_CREDENTIALS.apiToken,
    CDP_REGION: undefined,
    ...extra,
  };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the CLI in a process of its own. With `stdinFrom`, a shell pipes that file to its
 * stdin (`cat FILE | cdp-orders …`): a pipe as a shell makes one, not the socket Node would.
 */
export function spawnCli(
  args: readonly string[],
  env = cliEnv(),
  options: { stdinFrom?: string } = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const command = [process.execPath, "--import", "tsx", ENTRY, ...args];
  const [file, ...commandArgs] =
    options.stdinFrom === undefined
      ? command
      : ["sh", "-c", 'input=$1; shift; cat "$input" | "$@"', "sh", options.stdinFrom, ...command];
  const child = spawn(file!, commandArgs, {
    cwd: REPO_ROOT,
    env: { ...process.env, CDP_REGION: "", ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = once(child, "close").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
    stderr,
  }));
  return { child, done };
}

/** Runs the CLI to completion in a child process; ends it (by its own handle) after `timeoutMs`. */
export async function runCliProcess(args: readonly string[], timeoutMs: number, env = cliEnv()): Promise<CliRun> {
  const { child, done } = spawnCli(args, env);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs the CLI in this process, for checks that need no process of their own. `onInterrupt`
 * gets the handler a Ctrl-C would call.
 */
export async function runCliHere(
  args: readonly string[],
  env = cliEnv(),
  onInterrupt?: (handler: () => void) => void,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const code = await runCli(args, { stdout, stderr, env, ...(onInterrupt ? { onInterrupt } : {}) });
  return { code, stdout: out, stderr: err };
}
