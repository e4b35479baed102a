// verify against Prism serving our spec: every request it sends is valid, so Prism answers
// each operation's documented success with the spec's examples, and all 38 are ok.
import { describe, expect, inject, it } from "vitest";
import { runCliHere } from "./cli-process.js";
import type { VerifyReport } from "./verify-support.js";

describe("verify against Prism", { timeout: 60_000 }, () => {
  it("finds all 38 operations ok and exits 0 (JSON)", async () => {
    const run = await runCliHere(["verify", "--base-url", inject("prismUrl"), "--json"]);
    expect(run.code, run.stdout).toBe(0);
    const report = JSON.parse(run.stdout) as VerifyReport;
    expect(report.operations).toHaveLength(38);
    expect(report.operations.filter((row) => row.result !== "ok")).toEqual([]);
    expect(report.operations.every((row) => row.seen === row.expected && row.finding === "")).toBe(true);
    expect(report.undocumented).toEqual([]);
    expect(report.summary).toEqual({ ok: 38, drift: 0, error: 0, skipped: 0 });
    expect(report.exitCode).toBe(0);
  });

  it("prints a row per operation, ok, and the summary (table)", async () => {
    const run = await runCliHere(["verify", "--base-url", inject("prismUrl")]);
    expect(run.code, run.stdout).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[1]).toMatch(/^operation +request +expected +seen +result +finding$/);
    const rows = lines.slice(2, 40);
    expect(rows.every((row) => /^\w+ +(GET|POST|PUT|PATCH|DELETE) \/v2\.1\/\S* +(\d{3}) +\2 +ok$/.test(row))).toBe(
      true,
    );
    expect(lines[40]).toBe("38 operations: 38 ok, 0 drift, 0 error.");
    expect(run.stdout).toContain("Undocumented fields (in answers, not in the spec): none.");
    expect(run.stdout).toContain("Cleanup: nothing the run created is left.");
  });
});
