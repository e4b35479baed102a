import { execFile } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./paths.js";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a program to completion and resolves with its exit code and output; a non-zero exit is a result, not a rejection. */
export function run(file: string, args: readonly string[], options: RunOptions): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs a command installed by this repository's dev dependencies (node_modules/.bin). */
export function runBin(name: string, args: readonly string[], options: RunOptions): Promise<Run> {
  return run(join(ROOT, "node_modules", ".bin", name), args, options);
}

/** Runs `npm` from the PATH, as a user would. */
export function npm(args: readonly string[], options: RunOptions): Promise<Run> {
  return run("npm", args, options);
}
