import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDereferencedSpec } from "../../scripts/spec.js";
import { ROOT } from "../support/paths.js";

export const FIXTURES = join(ROOT, "test/spec-diff/fixtures");

/** A fixture document, dereferenced as the command loads a spec. */
export function fixture(name: string): Record<string, unknown> {
  return loadDereferencedSpec(join(FIXTURES, `${name}.yaml`));
}

function git(args: string[], cwd: string): string {
  return execFileSync("git", ["-c", "user.name=Spec Diff", "-c", "user.email=spec-diff@example.com", ...args], {
    cwd,
    encoding: "utf8",
  });
}

/**
 * A new git repository whose one commit holds `openapi/` as `fill` wrote it; the caller
 * then edits the working tree. Returns the repository's folder.
 */
export function repositoryWith(fill: (openapiDir: string) => void): string {
  const repo = mkdtempSync(join(tmpdir(), "spec-diff-repo-"));
  git(["init", "--quiet"], repo);
  mkdirSync(join(repo, "openapi"));
  fill(join(repo, "openapi"));
  git(["add", "--all"], repo);
  git(["commit", "--quiet", "--allow-empty", "--message", "The spec as released"], repo);
  return repo;
}

/** Fills `openapi/` with one fixture document as its openapi.yaml. */
export const fixtureSpec = (name: string) => (openapiDir: string) =>
  cpSync(join(FIXTURES, `${name}.yaml`), join(openapiDir, "openapi.yaml"));

/** Fills `openapi/` with a copy of this repository's spec. */
export const thisRepositorySpec = (openapiDir: string) =>
  cpSync(join(ROOT, "openapi"), openapiDir, { recursive: true });

/** Replaces text in a file of a repository, failing when the text is not there (so an edit cannot silently miss). */
export function edit(repo: string, file: string, from: string, to: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}
