// Reads the spec as a git ref has it: its `openapi/` tree is extracted to a temporary folder
// and loaded with the same loader as the working tree's, so both sides are bundled alike.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDereferencedSpec } from "../spec.js";
import type { Node } from "./normalize.js";

/** The spec's root file, from the repository root (redocly.yaml's `root`). */
export const SPEC_FILE = "openapi/openapi.yaml";

/** A problem with how the command was called or what it was pointed at; exit code 2. */
export class UsageError extends Error {}

function git(args: string[], cwd: string) {
  return spawnSync("git", args, { cwd, encoding: "buffer", maxBuffer: 256 * 1024 * 1024 });
}

/** The root of the git work tree that holds `cwd`. */
export function repositoryRoot(cwd: string): string {
  const result = git(["rev-parse", "--show-toplevel"], cwd);
  if (result.status !== 0) throw new UsageError(`${cwd} is not inside a git repository`);
  return result.stdout.toString("utf8").trim();
}

/** The commit a ref names; a UsageError when it names none. */
export function resolveCommit(root: string, ref: string): string {
  const result = git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], root);
  if (result.status !== 0) throw new UsageError(`unknown git ref: ${ref}`);
  return result.stdout.toString("utf8").trim();
}

/** Loads a spec file, turning a parse or `$ref` failure into a UsageError that says which side failed. */
function load(file: string, side: string): Node {
  if (!existsSync(file)) throw new UsageError(`${side} has no ${SPEC_FILE}`);
  try {
    return loadDereferencedSpec(file);
  } catch (error) {
    throw new UsageError(`the spec of ${side} does not load: ${(error as Error).message}`);
  }
}

/** The dereferenced spec at `ref`. */
export function loadSpecAtRef(root: string, ref: string): Node {
  const commit = resolveCommit(root, ref);
  const dir = mkdtempSync(join(tmpdir(), "spec-diff-"));
  try {
    const archive = git(["archive", "--format=tar", commit, "--", "openapi"], root);
    if (archive.status !== 0) throw new UsageError(`${ref} has no openapi/ folder`);
    const tar = spawnSync("tar", ["-x", "-C", dir], { input: archive.stdout });
    if (tar.status !== 0) throw new Error(`tar could not extract ${ref}'s openapi/: ${tar.stderr}`);
    return load(join(dir, SPEC_FILE), ref);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The dereferenced spec of the working tree. */
export function loadWorkingTreeSpec(root: string): Node {
  return load(join(root, SPEC_FILE), "the working tree");
}
