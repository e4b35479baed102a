// The report is written a line entry at a time; its text must be the one JSON.stringify gives.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { writeReport, type ImportSummary, type LineReport } from "../src/import/report.js";

const dir = mkdtempSync(join(tmpdir(), "cdp-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = {
  input: "orders.ndjson",
  journal: undefined,
  lines: 3,
  exitCode: 1,
  stoppedBy: 'a "quoted"\nreason',
} as unknown as ImportSummary;

function lineReports(count: number): LineReport[] {
  return Array.from(
    { length: count },
    (_, i): LineReport =>
      i % 2 === 0
        ? {
            line: count - i,
            referenceId: `R-${i}`,
            status: "created",
            refs: { order: `o${i}`, items: [{ referenceId: "I", ref: "i", consumers: [] }], consumers: [], found: [] },
          }
        : {
            line: count - i,
            status: "invalid",
            error: { class: "LineValidationError", message: "bad\nline" },
            violations: [{ path: "body.price", rule: "type", message: "must be number" }],
          },
  );
}

it.each([0, 1, 5, 3_000])(
  "writes the report of %i lines as JSON.stringify(…, null, 2) does, lines in order",
  (count) => {
    const path = join(dir, `report-${count}.json`);
    const lines = lineReports(count);
    writeReport(path, summary, lines);
    const sorted = [...lines].sort((a, b) => a.line - b.line);
    expect(readFileSync(path, "utf8")).toBe(`${JSON.stringify({ summary, lines: sorted }, null, 2)}\n`);
  },
);
