// What `verify` prints: a table with a row per operation, the undocumented fields seen per
// schema, and what the cleanup did; or, with --json, the same as one JSON document.
import { describeResource } from "./resources.js";
import type { Finding, Result, Row } from "./run-step.js";
import type { VerifyResult } from "./run-verify.js";

const RESULTS: readonly Result[] = ["ok", "drift", "error", "skipped"];
const MAX_FINDING = 120;

function describeFinding({ path, rule, message }: Finding): string {
  if (path === "") return message;
  return rule === "status" || rule === "notRun" ? `${path}: ${message}` : `${path}: ${message} (${rule})`;
}

/** The row's first finding, or its first note. */
export function firstFinding(row: Row): string {
  const [finding] = row.findings;
  if (finding) return describeFinding(finding);
  const [note] = row.notes;
  return note ? `note: ${note.path}: ${note.message}` : "";
}

function counts(rows: readonly Row[]): Record<Result, number> {
  const count = Object.fromEntries(RESULTS.map((result) => [result, 0])) as Record<Result, number>;
  for (const row of rows) count[row.result]++;
  return count;
}

function table(lines: string[][]): string {
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  return lines
    .map((line) =>
      line
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > MAX_FINDING ? `${line.slice(0, MAX_FINDING - 1)}…` : line;
}

function cleanupLines({ cleanup, rows }: VerifyResult): string[] {
  const kept = rows.some((row) => row.result === "skipped");
  if (cleanup.left.length === 0) {
    const deleted = cleanup.deleted.map(describeResource);
    return [
      `Cleanup: nothing the run created is left${deleted.length ? ` (deleted after the steps: ${deleted.join(", ")})` : ""}.`,
    ];
  }
  return [
    kept ? "Kept in the tenant (--keep):" : "Left in the tenant:",
    ...cleanup.left.map(({ what, reason }) => `  ${what}${reason === "--keep" ? "" : `: ${reason}`}`),
  ];
}

export function describeVerify(result: VerifyResult, target: string, prefix: string): string {
  const header = ["operation", "request", "expected", "seen", "result", "finding"];
  const rows = result.rows.map((row) => [
    row.operation,
    `${row.method} ${row.path}`,
    String(row.expected),
    row.seen === undefined ? "-" : String(row.seen),
    row.result,
    shorten(firstFinding(row)),
  ]);
  const count = counts(result.rows);
  const summary = RESULTS.filter((r) => r !== "skipped" || count.skipped > 0).map((r) => `${count[r]} ${r}`);
  const undocumented =
    result.undocumented.length === 0
      ? ["Undocumented fields (in answers, not in the spec): none."]
      : [
          "Undocumented fields (in answers, not in the spec):",
          table(
            result.undocumented.map(({ schema, field, operations }) => [`  ${schema}`, field, operations.join(", ")]),
          ),
        ];
  return [
    `verify ${target} (${prefix}-…)`,
    table([header, ...rows]),
    `${result.rows.length} operations: ${summary.join(", ")}${result.interrupted ? "; interrupted" : ""}.`,
    ...undocumented,
    ...cleanupLines(result),
  ].join("\n");
}

export function verifyJson(result: VerifyResult, target: string, prefix: string) {
  return {
    target,
    prefix,
    operations: result.rows.map((row) => ({ ...row, seen: row.seen ?? null, finding: firstFinding(row) })),
    undocumented: result.undocumented,
    cleanup: { deleted: result.cleanup.deleted.map(describeResource), left: result.cleanup.left },
    summary: counts(result.rows),
    interrupted: result.interrupted,
    exitCode: result.exitCode,
  };
}
