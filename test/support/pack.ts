// The run's tarballs of this repository's packages: the library (the root) and the command
// (cli/). Packing builds (each package's prepack runs tsup), and two builds of one package at
// once would clobber each other's files, so each package is packed once per test run, by
// whichever test file asks first; the others wait for its tarball.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { ROOT } from "./paths.js";
import { npm } from "./run.js";

export type Workspace = "." | "cli";

const NAMES: Record<Workspace, string> = { ".": "library", cli: "cli" };

/** The tarball `npm pack` makes of the package in `workspace`; packed on the first call of the run. */
export async function packed(workspace: Workspace, timeoutMs = 240_000): Promise<string> {
  const dir = inject("packDir");
  const name = NAMES[workspace];
  const outcome = join(dir, `${name}.json`);
  try {
    // Whoever makes the lock packs.
    mkdirSync(join(dir, `${name}.lock`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return waitForOutcome(outcome, timeoutMs);
  }
  const out = join(dir, name);
  mkdirSync(out);
  const result = await npm(["pack", "--pack-destination", out], { cwd: join(ROOT, workspace), timeoutMs });
  const tarballs = readdirSync(out).filter((file) => file.endsWith(".tgz"));
  const packedOne = result.code === 0 && tarballs.length === 1;
  // Written whole, then moved in place: a waiter never reads half of it.
  writeFileSync(
    `${outcome}.partial`,
    JSON.stringify(
      packedOne
        ? { tarball: join(out, tarballs[0]!) }
        : { error: `npm pack in ${workspace} failed (${result.code}):\n${result.stdout}\n${result.stderr}` },
    ),
  );
  renameSync(`${outcome}.partial`, outcome);
  return waitForOutcome(outcome, 0);
}

async function waitForOutcome(path: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`no tarball at ${path} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { tarball, error } = JSON.parse(readFileSync(path, "utf8")) as { tarball?: string; error?: string };
  if (tarball === undefined) throw new Error(error);
  return tarball;
}
