// What the command does as a process, as the README promises: Ctrl-C (SIGINT) during an
// import, and a dry run reading its input from a pipe.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sampleOrder, sampleOrders, toNdjson } from "../../test/fake-cdp/sample-orders.js";
import { startFakeCdp, type FakeCdp } from "../../test/fake-cdp/server.js";
import type { ImportSummary, LineReport } from "../src/import/report.js";
import { spawnCli } from "./cli-process.js";
import { exactlyOnceProblems } from "./fake-state.js";

let dir: string;
let fake: FakeCdp;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cdp-orders-process-"));
  fake = await startFakeCdp();
});
afterEach(() => {
  fake.setLatency(0);
  expect(fake.violations).toEqual([]);
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

type JournalRecord = { type: string; line?: number };

function journalOf(path: string): JournalRecord[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .flatMap((text) => {
      try {
        return [JSON.parse(text) as JournalRecord];
      } catch {
        return []; // a record being written
      }
    });
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once the child has written `text` to stderr. */
function stderrSays(child: ReturnType<typeof spawnCli>["child"], text: string): Promise<void> {
  let seen = "";
  return new Promise((resolve) => {
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      if (!seen.includes(text)) return;
      child.stderr!.off("data", onData);
      resolve();
    };
    child.stderr!.on("data", onData);
  });
}

describe("cdp-orders import, interrupted with Ctrl-C", { timeout: 120_000 }, () => {
  it("stops taking lines at the first, finishes and journals the lines in flight, and exits 130 with a report", async () => {
    fake.setLatency(20);
    const lines = sampleOrders(200, { prefix: "SIGINT" });
    const input = join(dir, "first.ndjson");
    writeFileSync(input, toNdjson(lines));
    const journal = `${input}.journal`;
    const run = spawnCli(["import", input, "--base-url", fake.url, "--concurrency", "4", "--quiet"]);
    const stopping = stderrSays(run.child, "Stopping: finishing the orders in flight");
    const doneLines = () => journalOf(journal).filter((record) => record.type === "done").length;
    await until(() => doneLines() >= 4 || run.child.exitCode !== null, "the first lines to be done");
    run.child.kill("SIGINT");
    await stopping;
    const result = await run.done;
    expect(result.signal, result.stderr).toBeNull();
    expect(result.code, result.stderr).toBe(130);
    expect(result.stdout).toMatch(/stopped early: interrupted; the orders in flight were finished/);

    const report = JSON.parse(readFileSync(`${input}.report.json`, "utf8")) as {
      summary: ImportSummary;
      lines: LineReport[];
    };
    expect(report.summary).toMatchObject({ exitCode: 130, failed: 0, invalid: 0 });
    expect(report.summary.stoppedBy).toMatch(/^interrupted/);
    // It stopped early: some lines were left for --resume.
    expect(report.summary.created).toBeGreaterThanOrEqual(4);
    expect(report.summary.notAttempted).toBeGreaterThan(0);
    expect(report.summary.created + report.summary.notAttempted).toBe(200);

    // Every line that sent anything was finished, and journalled done: none was left halfway.
    const records = journalOf(journal);
    const sent = new Set(records.filter((record) => record.type === "sending").map((record) => record.line));
    const done = new Set(records.filter((record) => record.type === "done").map((record) => record.line));
    expect(done).toEqual(sent);
    const created = report.lines.filter((line) => line.status === "created").map((line) => line.line);
    expect(new Set(created)).toEqual(done);
    // The API holds exactly the finished lines' orders, each whole and once.
    const finished = created.map((number) => lines[number - 1]!);
    expect(fake.store.orders.size).toBe(finished.length);
    expect(exactlyOnceProblems(fake.store, finished)).toEqual([]);
  });

  it("stops at once at the second, without waiting for the lines in flight", async () => {
    fake.setLatency(20);
    const input = join(dir, "second.ndjson");
    writeFileSync(input, toNdjson(sampleOrders(50, { prefix: "SIGINT-TWICE" })));
    const journal = `${input}.journal`;
    const run = spawnCli(["import", input, "--base-url", fake.url, "--concurrency", "4", "--quiet"]);
    const stopping = stderrSays(run.child, "interrupt again to stop at once");
    await until(
      () => journalOf(journal).some((record) => record.type === "done") || run.child.exitCode !== null,
      "a first line to be done",
    );
    run.child.kill("SIGINT");
    await stopping;
    // From now on each request of the lines in flight takes 10 s: finishing them would too.
    fake.setLatency(10_000);
    const secondAt = Date.now();
    run.child.kill("SIGINT");
    const result = await run.done;
    expect(Date.now() - secondAt).toBeLessThan(5_000);
    expect(result.signal, result.stderr).toBeNull();
    expect(result.code).toBe(130);
    // Stopped before the end of the run: no summary and no report.
    expect(result.stdout).toBe("");
    expect(existsSync(`${input}.report.json`)).toBe(false);
    // What the journal holds was written whole: --resume can read it.
    const texts = readFileSync(journal, "utf8").split("\n").filter(Boolean);
    expect(texts.map((text) => (JSON.parse(text) as JournalRecord).type)).toContain("done");
  });
});

describe("cdp-orders import --dry-run, reading a pipe", { timeout: 60_000 }, () => {
  /** `cat <lines> | cdp-orders import /dev/stdin …`, with no credentials. */
  function piped(text: string, ...flags: string[]) {
    const input = join(dir, `piped-${Math.random().toString(36).slice(2)}.ndjson`);
    writeFileSync(input, text);
    return spawnCli(["import", "/dev/stdin", ...flags], { CDP_REGION: undefined }, { stdinFrom: input }).done;
  }

  it("checks the lines it reads from stdin, sends nothing, and exits 0 when every line is valid", async () => {
    const before = fake.requests.length;
    const result = await piped(toNdjson(sampleOrders(3, { prefix: "PIPE" })), "--dry-run");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("dry run: 3 of 3 lines valid, 0 invalid; nothing was sent.");
    expect(fake.requests.length).toBe(before);
  });

  it("reports a bad line it reads from stdin by its number, and exits 1", async () => {
    const bad = { ...sampleOrder(2, { prefix: "PIPE-BAD" }), currencyCode: undefined };
    const text = toNdjson([sampleOrder(1, { prefix: "PIPE-BAD" }), bad as unknown as ReturnType<typeof sampleOrder>]);
    const result = await piped(text, "--dry-run", "--quiet");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("line 2: body.currencyCode: is required (required)");
    expect(result.stdout).toContain("dry run: 1 of 2 lines valid, 1 invalid; nothing was sent.");
  });

  it("refuses a pipe without --dry-run, which reads its input twice, with exit code 2", async () => {
    const before = fake.requests.length;
    const result = await piped(
      toNdjson(sampleOrders(1, { prefix: "PIPE-RUN" })),
      "--base-url",
      fake.url,
      "--client-key",
      "k",
      "--api-token",
      "t",
      "--journal",
      join(dir, "pipe.journal"),
      "--report",
      join(dir, "pipe.report.json"),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not a regular file; save the input to a file first.");
    expect(fake.requests.length).toBe(before);
  });
});
