import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { probeWritable } from "../src/import/probe-writable.js";
import { ImportUsageError } from "../src/import/usage-error.js";

const dir = mkdtempSync(join(tmpdir(), "cdp-probe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("leaves no file behind where there was none, and an existing file as it was", () => {
  const fresh = join(dir, "fresh.journal");
  probeWritable(fresh, fresh, "The journal");
  expect(existsSync(fresh)).toBe(false);
  const existing = join(dir, "existing.journal");
  writeFileSync(existing, '{"type":"run"}\n');
  probeWritable(existing, existing, "The journal");
  expect(readFileSync(existing, "utf8")).toBe('{"type":"run"}\n');
});

it("refuses a path in a missing directory, and one that is a directory, naming what cannot be written", () => {
  expect(() => probeWritable(join(dir, "missing", "j"), join(dir, "missing", "j"), "The journal")).toThrow(
    ImportUsageError,
  );
  const directory = join(dir, "a-directory");
  mkdirSync(directory);
  expect(() => probeWritable(`${directory}.partial`, directory, "The report")).toThrow(
    /^The report cannot be written to .*a-directory: it is not a file$/,
  );
  expect(existsSync(`${directory}.partial`)).toBe(false);
});
