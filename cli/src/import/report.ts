// The import's result: one entry per line and a summary, written as one JSON file at the end.
import { closeSync, openSync, renameSync, writeSync } from "node:fs";
import type { Violation } from "sitecore-cdp-orders";
import type { LineRefs } from "./sync-order.js";

export interface ErrorSummary {
  class: string;
  message: string;
}

export type LineReport =
  | { line: number; referenceId: string; status: "created"; refs: LineRefs }
  /** Recorded done in the journal by an earlier run, and skipped. */
  | { line: number; referenceId: string; status: "done-before"; refs: LineRefs }
  | { line: number; referenceId: string; status: "failed"; error: ErrorSummary }
  | { line: number; status: "invalid"; error: ErrorSummary; violations: Violation[] };

export interface ImportSummary {
  input: string;
  journal: string | undefined;
  report: string | undefined;
  dryRun: boolean;
  /** Non-blank lines in the input. */
  lines: number;
  valid: number;
  invalid: number;
  /** Valid lines created (or completed) by this run. */
  created: number;
  /** Valid lines an earlier run finished, skipped. */
  doneBefore: number;
  failed: number;
  /** Lines left alone because the run stopped early: valid ones not sent, or (stopped while checking) ones not checked. */
  notAttempted: number;
  /** Created lines some part of which already existed and was found, not created. */
  reconciled: number;
  rateLimited: number;
  durationMs: number;
  /** Lines created by this run per second of its duration. */
  ordersPerSecond: number;
  /** Why the run stopped before the end, if it did. */
  stoppedBy: string | undefined;
  /** 0 only when every line is in the API. */
  exitCode: number;
}

export function errorSummary(error: unknown): ErrorSummary {
  if (error instanceof Error) return { class: error.name, message: error.message };
  return { class: typeof error, message: String(error) };
}

/** Bytes gathered before each write. */
const WRITE_CHUNK = 1 << 16;

/** Writes all of `text`: a write may take only part of it. */
function writeAll(file: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(file, bytes, offset);
}

/** `value` as `JSON.stringify(…, null, 2)` writes it `depth` levels down. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/**
 * Writes the report whole or not at all: to a temporary file, then renamed over the target.
 * The text is `JSON.stringify({ summary, lines }, null, 2)`, written a line entry at a time:
 * as one string, a report of some 600,000 lines passes the longest string V8 can hold.
 */
export function writeReport(path: string, summary: ImportSummary, lines: Iterable<LineReport>): void {
  const sorted = [...lines].sort((a, b) => a.line - b.line);
  const temporary = `${path}.partial`;
  const file = openSync(temporary, "w");
  try {
    let pending = `{\n  "summary": ${nested(summary, 1)},\n  "lines": ${sorted.length === 0 ? "[]" : "["}`;
    for (const [index, line] of sorted.entries()) {
      pending += `${index === 0 ? "" : ","}\n    ${nested(line, 2)}`;
      if (pending.length >= WRITE_CHUNK) {
        writeAll(file, pending);
        pending = "";
      }
    }
    writeAll(file, `${pending}${sorted.length === 0 ? "" : "\n  ]"}\n}\n`);
  } finally {
    closeSync(file);
  }
  renameSync(temporary, path);
}

export function describeSummary(summary: ImportSummary): string {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const parts = [
    `${summary.created} created`,
    summary.doneBefore > 0 ? `${summary.doneBefore} done before` : "",
    `${summary.failed} failed`,
    `${summary.invalid} invalid`,
    summary.notAttempted > 0 ? `${summary.notAttempted} not attempted` : "",
  ].filter(Boolean);
  const head = summary.dryRun
    ? `dry run: ${summary.valid} of ${summary.lines} lines valid, ${summary.invalid} invalid${summary.notAttempted > 0 ? `, ${summary.notAttempted} not checked` : ""}; nothing was sent.`
    : `imported ${summary.input}: ${parts.join(", ")} of ${summary.lines} lines in ${seconds} s (${summary.ordersPerSecond.toFixed(1)} orders/s; ${summary.reconciled} reconciled, ${summary.rateLimited}×429).`;
  const tail = [
    summary.stoppedBy ? `stopped early: ${summary.stoppedBy}` : "",
    summary.report ? `report: ${summary.report}` : "",
  ].filter(Boolean);
  return [head, ...tail].join("\n");
}
