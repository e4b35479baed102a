// Files the import writes only at the end (the report) or after the check (the journal) are
// tried at the start, so a path that cannot be written ends the run before any work.
import { closeSync, existsSync, openSync, statSync, unlinkSync } from "node:fs";
import { ImportUsageError } from "./usage-error.js";

/**
 * Fails with a usage error when `path` (a file that `written` stands for, or is) cannot be
 * written or `written` is not a file; leaves no file behind that was not there.
 */
export function probeWritable(path: string, written: string, what: string): void {
  try {
    if (existsSync(written) && !statSync(written).isFile()) throw new Error("it is not a file");
    const existed = existsSync(path);
    closeSync(openSync(path, "a"));
    if (!existed) unlinkSync(path);
  } catch (error) {
    throw new ImportUsageError(`${what} cannot be written to ${written}: ${(error as Error).message}`);
  }
}
