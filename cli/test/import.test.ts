import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ImportSummary, LineReport } from "../src/import/report.js";
import { onFirst, randomFaults } from "../../test/fake-cdp/faults.js";
import { sampleOrder, sampleOrders, toNdjson } from "../../test/fake-cdp/sample-orders.js";
import { FAKE_CREDENTIALS, startFakeCdp, type FakeCdp } from "../../test/fake-cdp/server.js";
import { consumersOf, orderFields } from "../src/import/order-line.js";
import { createOrderClient, unwrap } from "sitecore-cdp-orders";
import { Writable } from "node:stream";
import { runCli } from "../src/run-cli.js";
import { runImport } from "../src/import/run-import.js";
import { silentReporter } from "../src/import/progress.js";
import { cliEnv, runCliHere } from "./cli-process.js";
import { exactlyOnceProblems } from "./fake-state.js";

let dir: string;
let fake: FakeCdp;
let file = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cdp-orders-import-"));
  fake = await startFakeCdp();
});
beforeEach(() => {
  // Each test starts from an empty API.
  for (const map of [fake.store.orders, fake.store.items, fake.store.contacts, fake.store.consumers]) map.clear();
  fake.store.orderExtensions.clear();
  fake.store.itemExtensions.clear();
});
afterEach(() => {
  fake.setFaults(undefined);
  fake.setLatency(0);
  expect(fake.violations).toEqual([]);
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function inputFile(text: string): string {
  const path = join(dir, `orders-${++file}.ndjson`);
  writeFileSync(path, text);
  return path;
}

const importing = (path: string, ...flags: string[]) => runCliHere(["import", path, "--base-url", fake.url, ...flags]);
const reportOf = (path: string) =>
  JSON.parse(readFileSync(`${path}.report.json`, "utf8")) as { summary: ImportSummary; lines: LineReport[] };

/** Output whose reader has gone: every write fails, as a closed pipe's does. */
function brokenPipe(): Writable {
  return new Writable({
    write: (_chunk, _encoding, done) => done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" })),
  });
}

describe("cdp-orders import", () => {
  it.each(["--json", "--quiet"])(
    "finishes the import and writes its report when its output's reader goes away (%s)",
    async (flag) => {
      const lines = sampleOrders(6, { prefix: `PIPE${flag.length}` });
      const path = inputFile(toNdjson(lines));
      const code = await runCli(["import", path, "--base-url", fake.url, flag], {
        stdout: brokenPipe(),
        stderr: brokenPipe(),
        env: cliEnv(),
      });
      expect(code).toBe(0);
      expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
      expect(reportOf(path).summary).toMatchObject({ created: 6, failed: 0 });
    },
  );

  it("creates each line's order with its contact, items, consumers and data extensions", async () => {
    const lines = sampleOrders(20, { prefix: "HAPPY" });
    const path = inputFile(toNdjson(lines));
    const run = await importing(path, "--quiet");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("20 created, 0 failed, 0 invalid of 20 lines");
    expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
    const { lines: report } = reportOf(path);
    expect(report[0]).toMatchObject({ line: 1, status: "created", referenceId: "HAPPY-000001" });
    const refs = (report[0] as Extract<LineReport, { status: "created" }>).refs;
    const order = fake.store.ordersWithReferenceId("HAPPY-000001")[0]!;
    expect(refs.order).toBe(order.ref);
    // The consumer is recorded under the item it was listed with.
    expect(refs.items[0]!.consumers).toEqual(fake.store.peopleOf("consumers", order.ref).map((c) => c.ref));
  });

  it("reports each bad line with its number and violations, and sends none of them", async () => {
    const good = sampleOrder(1, { prefix: "BAD" });
    const longName = sampleOrder(2, { prefix: "BAD" });
    longName.items![1]!.name = "x".repeat(129);
    const noItemReference = sampleOrder(3, { prefix: "BAD" });
    delete (noItemReference.items![0] as { referenceId?: string }).referenceId;
    const sameOrderAgain = { ...good, price: 99 };
    const text = [
      JSON.stringify(good),
      JSON.stringify(longName),
      JSON.stringify(noItemReference),
      "",
      "{ not json",
      JSON.stringify(sameOrderAgain),
      "[]",
    ].join("\n");
    const path = inputFile(text);

    const run = await importing(path, "--quiet");
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      "line 2: body.items[1].name: must NOT have more than 128 characters (maxLength)",
      "line 3: body.items[0].referenceId: is required: items are matched by it when an import resumes (required)",
      expect.stringMatching(/^line 5: body: is not JSON: /),
      "line 6: body.referenceId: is the order of line 1 too (same referenceId, orderedAt at most two days apart) (unique)",
      "line 7: body: must be a JSON object (one order per line) (type)",
    ]);
    expect(run.stdout).toContain("1 created, 0 failed, 5 invalid of 6 lines");
    expect([...fake.store.orders.values()].map((o) => o.fields.referenceId)).toEqual(["BAD-000001"]);
    expect(fake.requests.filter((r) => r.url.includes("BAD-000002") || r.url.includes("BAD-000003"))).toEqual([]);
    const { lines } = reportOf(path);
    expect(lines.map((l) => [l.line, l.status])).toEqual([
      [1, "created"],
      [2, "invalid"],
      [3, "invalid"],
      [5, "invalid"],
      [6, "invalid"],
      [7, "invalid"],
    ]);
    expect(lines[1]).toMatchObject({
      error: { class: "LineValidationError" },
      violations: [{ path: "body.items[1].name", rule: "maxLength" }],
    });
  });

  it("refuses an orderedAt that the spec admits but no date parser reads, since a resume could not find its order", async () => {
    const offsetWithoutMinutes = { ...sampleOrder(1, { prefix: "DATE" }), orderedAt: "2024-03-01T10:15:00+01" };
    const leapSecond = { ...sampleOrder(2, { prefix: "DATE" }), orderedAt: "2016-12-31T23:59:60Z" };
    const run = await importing(inputFile(toNdjson([offsetWithoutMinutes, leapSecond])), "--quiet");
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      'line 1: body.orderedAt: must match format "date-time" (format)',
      "line 2: body.orderedAt: must be a date-time that can be compared: no leap second (:60), such as 2024-03-01T10:15:00+01:00 (date-time)",
    ]);
    expect(fake.store.orders.size).toBe(0);
  });

  it("fails a line rather than create its order again when an existing order's orderedAt cannot be compared", async () => {
    const line = sampleOrder(3, { prefix: "DATE" });
    const cdp = createOrderClient({ baseUrl: fake.url, ...FAKE_CREDENTIALS });
    await unwrap(cdp.POST("/v2.1/orders", { body: { ...orderFields(line), orderedAt: "2016-12-31T23:59:60Z" } }));
    const path = inputFile(toNdjson([line]));
    const run = await importing(path, "--quiet", "--resume");
    expect(run.code).toBe(1);
    expect(reportOf(path).lines[0]).toMatchObject({
      status: "failed",
      error: { message: expect.stringMatching(/orderedAt that cannot be compared/) },
    });
    expect(fake.store.ordersWithReferenceId(line.referenceId)).toHaveLength(1);
  });

  it("only checks with --dry-run: nothing is sent, no journal, no credentials needed", async () => {
    const before = fake.requests.length;
    const valid = inputFile(toNdjson(sampleOrders(5, { prefix: "DRY" })));
    const run = await runCliHere(["import", valid, "--dry-run"], {});
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("dry run: 5 of 5 lines valid, 0 invalid; nothing was sent.");
    const invalid = inputFile(`${JSON.stringify({ ...sampleOrder(1), currencyCode: undefined })}\n`);
    const failing = await runCliHere(["import", invalid, "--dry-run"], {});
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain("line 1: body.currencyCode: is required (required)");
    expect(fake.requests.length).toBe(before);
    expect(() => readFileSync(`${valid}.journal`)).toThrow();
  });

  it("creates everything exactly once when creates are lost, refused or fail after taking effect", async () => {
    fake.setFaults(
      randomFaults({
        seed: 7,
        methods: ["POST"],
        rates: { resetBefore: 0.08, resetAfter: 0.12, error500: 0.04, error500AfterEffect: 0.06 },
      }),
    );
    const lines = sampleOrders(60, { prefix: "FAULTY" });
    const path = inputFile(toNdjson(lines));
    const run = await importing(path, "--quiet", "--concurrency", "6");
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
    const { summary } = reportOf(path);
    expect(summary.reconciled).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.outcome === "reset-after").length).toBeGreaterThan(0);
  }, 60_000);

  it("on a 429, holds back every worker until Retry-After has passed, then finishes", async () => {
    fake.setLatency(20);
    let limited = false;
    fake.setFaults(({ index }) => {
      if (limited || index < 10) return undefined;
      limited = true;
      return { kind: "status", status: 429, retryAfter: "2" };
    });
    const lines = sampleOrders(12, { prefix: "LIMITED", consumersAndExtensions: false });
    const run = await importing(inputFile(toNdjson(lines)), "--quiet", "--concurrency", "4");
    expect(run.code, run.stderr).toBe(0);
    expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
    const tooMany = fake.requests.find((r) => r.outcome === 429)!;
    // The pause starts when the client reads the 429, at or after it was answered, and lasts
    // 2 s. Counted, not timed: while it lasts only the requests already on their way (one per
    // other worker, at most) may arrive; without a pause four workers would send hundreds.
    const pauseEnds = tooMany.answeredAt! + 1_950;
    const duringPause = fake.requests.filter((r) => r.receivedAt > tooMany.answeredAt! && r.receivedAt < pauseEnds);
    expect(duringPause.length).toBeLessThanOrEqual(3);
    expect(fake.requests.filter((r) => r.receivedAt >= pauseEnds).length).toBeGreaterThan(0);
    expect(run.stdout).toContain("1×429");
  }, 30_000);

  it("stops at a 403, sending no further line, and exits 1 with the rest not attempted", async () => {
    const lines = sampleOrders(10, { prefix: "FORBIDDEN", consumersAndExtensions: false });
    let orders = 0;
    // The third order's create is refused: the credentials may not do that.
    fake.setFaults(({ operation }) =>
      operation === "POST /v2.1/orders" && ++orders === 3 ? { kind: "status", status: 403 } : undefined,
    );
    const path = inputFile(toNdjson(lines));
    const before = fake.requests.length;
    const run = await importing(path, "--quiet", "--concurrency", "1");
    expect(run.code).toBe(1);
    const requests = fake.requests.slice(before);
    const forbidden = requests.findIndex((r) => r.outcome === 403);
    expect(forbidden).toBeGreaterThan(0);
    // Nothing at all was sent after the refusal: no further line, and the refused create not again.
    expect(requests.slice(forbidden + 1)).toEqual([]);
    expect(fake.store.ordersWithReferenceId("FORBIDDEN-000003")).toEqual([]);
    expect(exactlyOnceProblems(fake.store, lines.slice(0, 2))).toEqual([]);
    expect(fake.store.orders.size).toBe(2);
    const report = reportOf(path);
    expect(report.summary).toMatchObject({ created: 2, failed: 1, notAttempted: 7, exitCode: 1 });
    expect(report.summary.stoppedBy).toMatch(/^PermissionDeniedError: /);
    expect(report.lines.map((line) => [line.line, line.status])).toEqual([
      [1, "created"],
      [2, "created"],
      [3, "failed"],
    ]);
    expect(report.lines[2]).toMatchObject({ error: { class: "PermissionDeniedError" } });
    expect(run.stdout).toContain("stopped early: PermissionDeniedError");
  });

  it("stops all workers at a 403: none takes another line", async () => {
    fake.setLatency(10);
    const lines = sampleOrders(40, { prefix: "FORBIDDEN-POOL", consumersAndExtensions: false });
    let orders = 0;
    fake.setFaults(({ operation }) =>
      operation === "POST /v2.1/orders" && ++orders === 6 ? { kind: "status", status: 403 } : undefined,
    );
    const path = inputFile(toNdjson(lines));
    const before = fake.requests.length;
    const run = await importing(path, "--quiet", "--concurrency", "4");
    expect(run.code).toBe(1);
    const { summary } = reportOf(path);
    // Only the lines the other three workers had taken were finished after it.
    expect(summary.failed).toBe(1);
    expect(summary.created).toBeGreaterThanOrEqual(5);
    expect(summary.created).toBeLessThanOrEqual(5 + 3);
    expect(summary.notAttempted).toBe(40 - summary.created - 1);
    const orderCreates = fake.requests.slice(before).filter((r) => r.operation === "POST /v2.1/orders");
    expect(orderCreates).toHaveLength(summary.created + 1);
  });

  it("refuses to start again over a journal without --resume", async () => {
    const path = inputFile(toNdjson(sampleOrders(2, { prefix: "AGAIN" })));
    expect((await importing(path, "--quiet")).code).toBe(0);
    const again = await importing(path, "--quiet");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("Pass --resume to continue it");
    expect(fake.store.orders.size).toBe(2);
  });

  it("skips the lines done before on --resume, and looks up a line that was changed", async () => {
    const lines = sampleOrders(4, { prefix: "RESUME" });
    const path = inputFile(toNdjson(lines));
    expect((await importing(path, "--quiet")).code).toBe(0);
    // Line 2 gets a third item: its order exists, so only the new item is created.
    lines[1]!.items!.push({
      referenceId: "RESUME-000002-3",
      name: "Extra",
      type: "MOBILE",
      price: 1,
      currencyCode: "EUR",
      status: "CONFIRMED",
    });
    writeFileSync(path, toNdjson(lines));
    const requestsBefore = fake.requests.length;
    const resumed = await importing(path, "--quiet", "--resume");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain("1 created, 3 done before");
    expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
    const posts = fake.requests.slice(requestsBefore).filter((r) => r.method === "POST");
    expect(posts.map((r) => r.operation)).toEqual(["POST /v2.1/orders/{orderRef}/orderItems"]);
  });

  describe("against lists that answer links even with expand=true", () => {
    afterEach(() => fake.setIgnoreExpand(false));

    it("finds what a lost create made, instead of creating it again", async () => {
      fake.setIgnoreExpand(true);
      fake.setFaults(onFirst("POST /v2.1/orders", { kind: "reset-after" }));
      const lines = sampleOrders(2, { prefix: "LINKS" });
      const run = await importing(inputFile(toNdjson(lines)), "--quiet");
      expect(run.code, run.stderr + run.stdout).toBe(0);
      expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
    });

    it("resumes without a journal and creates nothing twice", async () => {
      const lines = sampleOrders(3, { prefix: "LINKR" });
      const path = inputFile(toNdjson(lines));
      expect((await importing(path, "--quiet")).code).toBe(0);
      rmSync(`${path}.journal`);
      fake.setIgnoreExpand(true);
      const resumed = await importing(path, "--quiet", "--resume");
      expect(resumed.code, resumed.stderr + resumed.stdout).toBe(0);
      expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
    });
  });

  it("matches a line's consumers to exactly theirs first, whatever order the line lists them in", async () => {
    const { items: _, ...order } = sampleOrder(1, { items: 0, consumersAndExtensions: false, prefix: "CONS" });
    const ann = { firstName: "Ann" };
    const annByrne = { firstName: "Ann", lastName: "Byrne" };
    const path = inputFile(toNdjson([{ ...order, consumers: [annByrne, ann] }]));
    expect((await importing(path, "--quiet")).code).toBe(0);
    writeFileSync(path, toNdjson([{ ...order, consumers: [ann, annByrne] }]));
    const resumed = await importing(path, "--quiet", "--resume");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect([...fake.store.consumers.values()].map((consumer) => consumer.fields)).toEqual([annByrne, ann]);
  });

  it("reports a line it cannot check (nesting too deep, bytes that are not UTF-8) as invalid, and imports the others", async () => {
    const [good, deep, latin1, replacement] = sampleOrders(4, { prefix: "ODD" });
    const nested = JSON.stringify({ ...deep, ext: { note: "x" } }).replace(
      '"note":"x"',
      `"note":${"[".repeat(5_000)}${"]".repeat(5_000)}`,
    );
    const path = inputFile("");
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`${JSON.stringify(good)}\n${nested}\n`),
        Buffer.from(`${JSON.stringify({ ...latin1, contact: { firstName: "Se\u00e1n" } })}\n`, "latin1"),
        Buffer.from(`${JSON.stringify({ ...replacement, contact: { firstName: "Jos\uFFFD" } })}\n`),
      ]),
    );
    const run = await importing(path, "--quiet");
    expect(run.code).toBe(1);
    const { lines } = reportOf(path);
    expect(lines.map((line) => [line.line, line.status])).toEqual([
      [1, "created"],
      [2, "invalid"],
      [3, "invalid"],
      [4, "created"],
    ]);
    expect(run.stderr).toContain("line 3: body: is not UTF-8 text");
    // U+FFFD written as UTF-8 is text like any other.
    expect(fake.store.orders.size).toBe(2);
  });

  it("sends no line added or changed after the check", async () => {
    const lines = sampleOrders(3, { prefix: "GROW" });
    const path = inputFile(toNdjson(lines));
    const client = createOrderClient({ baseUrl: fake.url, ...FAKE_CREDENTIALS });
    const [first, second, third] = lines;
    // Rewritten between the check and the import.
    const progress = {
      ...silentReporter,
      start: () =>
        writeFileSync(
          path,
          toNdjson([first!, { ...second!, referenceId: "GROW-CHANGED" }, third!, sampleOrder(9, { prefix: "GROW" })]),
        ),
    };
    const summary = await runImport({
      input: path,
      journalPath: `${path}.journal`,
      reportPath: `${path}.report.json`,
      dryRun: false,
      resume: false,
      concurrency: 1,
      client,
      progress,
    });
    expect(summary).toMatchObject({ exitCode: 1, created: 2, invalid: 1, notAttempted: 0 });
    expect([...fake.store.orders.values()].map((order) => order.fields.referenceId).sort()).toEqual([
      "GROW-000001",
      "GROW-000003",
    ]);
    expect(reportOf(path).lines.find((line) => line.line === 2)).toMatchObject({
      status: "invalid",
      error: { message: "line 2 changed while the import ran" },
    });
    expect(reportOf(path).lines.map((line) => line.line)).toEqual([1, 2, 3]);
  });

  it.each([
    ["a directory as input", () => [dir], "is not a regular file"],
    [
      "a report it cannot write",
      (path: string) => [path, "--report", join(dir, "missing", "report.json")],
      "The report cannot be written",
    ],
    ["a report path that is a directory", (path: string) => [path, "--report", dir], "The report cannot be written"],
    [
      "a journal it cannot write",
      (path: string) => [path, "--journal", join(dir, "missing", "journal")],
      "The journal cannot be written",
    ],
    ["a directory as input to a dry run", () => [dir, "--dry-run"], "is not a regular file"],
    [
      "a dry run with a timeout that is not a number",
      (path: string) => [path, "--dry-run", "--timeout", "abc"],
      "--timeout",
    ],
    [
      "a dry run with both a region and a base URL",
      (path: string) => [path, "--dry-run", "--region", "eu"],
      "either --region or --base-url",
    ],
  ])("refuses %s with exit code 2 before anything is sent", async (_, args, message) => {
    const path = inputFile(toNdjson(sampleOrders(1, { prefix: "USAGE" })));
    const before = fake.requests.length;
    const run = await runCliHere(["import", ...args(path), "--base-url", fake.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(fake.requests.length).toBe(before);
  });

  it("says exit code 130 in the report and the summary when interrupted, as the process exits", async () => {
    const path = inputFile(toNdjson(sampleOrders(3, { prefix: "INTERRUPTED" })));
    const run = await runCliHere(["import", path, "--base-url", fake.url, "--json"], cliEnv(), (handler) => handler());
    expect(run.code).toBe(130);
    const summary = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      event: string;
      exitCode: number;
      notAttempted: number;
    };
    expect(summary).toMatchObject({ event: "summary", exitCode: 130, notAttempted: 3 });
    expect(reportOf(path).summary).toMatchObject({ exitCode: 130, stoppedBy: expect.stringMatching(/^interrupted/) });
  });

  it("refuses in a dry run a base URL the run itself would refuse", async () => {
    const path = inputFile(toNdjson(sampleOrders(1, { prefix: "DRY-URL" })));
    const run = await runCliHere(["import", path, "--dry-run", "--base-url", "ftp://cdp.example"], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("baseUrl must use https");
  });

  it.each([[[]], [["--dry-run"]]])(
    "stops checking lines soon after an interrupt, sending nothing, and counts the rest as not attempted %j",
    async (flags) => {
      const path = inputFile(toNdjson(sampleOrders(5_000, { prefix: "CHECK-STOP" })));
      const before = fake.requests.length;
      const run = await runCliHere(["import", path, "--base-url", fake.url, "--json", ...flags], cliEnv(), (handler) =>
        setTimeout(handler, 0),
      );
      expect(run.code).toBe(130);
      const summary = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
        lines: number;
        valid: number;
        invalid: number;
        notAttempted: number;
      };
      expect(summary).toMatchObject({
        lines: 5_000,
        invalid: 0,
        created: 0,
        stoppedBy: expect.stringMatching(/^interrupted/),
      });
      expect(summary.valid).toBeLessThan(5_000);
      expect(summary.notAttempted).toBe(5_000 - summary.valid);
      expect(fake.requests.length).toBe(before);
    },
  );

  it("refuses a journal of another version with exit code 2 and says how to go on", async () => {
    const path = inputFile(toNdjson(sampleOrders(1, { prefix: "OLD-JOURNAL" })));
    writeFileSync(
      `${path}.journal`,
      `${JSON.stringify({ type: "run", version: 1, startedAt: "2024-01-01T00:00:00Z", input: path, resume: false })}\n`,
    );
    const before = fake.requests.length;
    const run = await importing(path, "--resume");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "is a journal of version 1; this import reads version 2. Move it aside and run again with --resume",
    );
    expect(fake.requests.length).toBe(before);
  });

  it("leaves no probe of the report behind when the journal cannot be written", async () => {
    const path = inputFile(toNdjson(sampleOrders(1, { prefix: "PROBE" })));
    const run = await importing(path, "--journal", join(dir, "missing", "journal"));
    expect(run.code).toBe(2);
    expect(existsSync(`${path}.report.json.partial`)).toBe(false);
  });

  it.each([
    ["an order", "POST /v2.1/orders", "orders"],
    ["an order item", "POST /v2.1/orders/{orderRef}/orderItems", "items"],
  ] as const)(
    "does not create again, on a resume soon after, %s that a create that timed out may still make",
    async (_, delayedOperation, kind) => {
      const lines = sampleOrders(1, { prefix: `SETTLE-${kind}` });
      const path = inputFile(toNdjson(lines));
      const before = fake.store[kind].size;
      // The server applies the create 2.5 s after it came, long after the client gave up.
      fake.setFaults(onFirst(delayedOperation, { kind: "delay", ms: 2_500 }));
      expect((await importing(path, "--quiet", "--timeout", "1")).code).toBe(1);
      expect(reportOf(path).lines[0]).toMatchObject({ status: "failed", error: { class: "TimeoutError" } });
      const soon = await importing(path, "--quiet", "--resume");
      expect(soon.code).toBe(1);
      expect(reportOf(path).lines[0]).toMatchObject({ status: "failed", error: { class: "UnsettledLineError" } });
      expect(fake.store[kind].size - before).toBeLessThanOrEqual(1);
      for (let waited = 0; fake.store[kind].size === before && waited < 5_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      // Once the create has had its time (here: no settle time), the line is finished.
      const later = await importing(path, "--quiet", "--resume", "--settle", "0");
      expect(later.code, later.stderr).toBe(0);
      expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
    },
    20_000,
  );

  it("keeps a create's settle time through a later failure of the line, and when the line moves in the file", async () => {
    const [invalid, line] = [
      { ...sampleOrder(1, { prefix: "KEPT" }), price: "free" },
      sampleOrder(2, { prefix: "KEPT" }),
    ];
    const path = inputFile(toNdjson([invalid as unknown as typeof line, line]));
    fake.setFaults(onFirst("POST /v2.1/orders", { kind: "delay", ms: 3_000 }));
    expect((await importing(path, "--quiet", "--timeout", "1")).code).toBe(1);
    // A resume that fails for another reason (here: the credentials) must not drop the mark.
    const refused = await runCliHere(
      ["import", path, "--base-url", fake.url, "--quiet", "--resume", "--api-token", "wrong"],
      cliEnv(),
    );
    expect(refused.code).toBe(1);
    // The invalid line is dropped: the order moves from line 2 to line 1.
    writeFileSync(path, toNdjson([line]));
    const soon = await importing(path, "--quiet", "--resume");
    expect(soon.code).toBe(1);
    expect(reportOf(path).lines[0]).toMatchObject({
      line: 1,
      status: "failed",
      error: { class: "UnsettledLineError" },
    });
    for (
      let waited = 0;
      fake.store.ordersWithReferenceId(line.referenceId).length === 0 && waited < 6_000;
      waited += 50
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await importing(path, "--quiet", "--resume", "--settle", "0")).code).toBe(0);
    expect(exactlyOnceProblems(fake.store, [line])).toEqual([]);
  }, 20_000);

  it("journals each attempt of a create as it goes out, the client's own retry after a 429 included", async () => {
    const [line] = sampleOrders(1, { prefix: "ATTEMPTS" });
    const path = inputFile(toNdjson([line!]));
    fake.setFaults(onFirst("POST /v2.1/orders", { kind: "status", status: 429, retryAfter: "1" }));
    expect((await importing(path, "--quiet")).code).toBe(0);
    const records = readFileSync(`${path}.journal`, "utf8")
      .trim()
      .split("\n")
      .map((text) => JSON.parse(text) as { type: string; at?: string });
    const sending = records.filter((record) => record.type === "sending").map((record) => Date.parse(record.at!));
    // The order twice (the 429, then its retry a second later), then the contact, 2 items,
    // their 2 extensions, a consumer and the order's extension once each.
    expect(sending).toHaveLength(2 + 7);
    expect(sending[1]! - sending[0]!).toBeGreaterThanOrEqual(900);
    expect(exactlyOnceProblems(fake.store, [line!])).toEqual([]);
  });

  it("keeps a create's settle time for its own order only, where two orders share a referenceId", async () => {
    const base = sampleOrder(1, { prefix: "SHARED" });
    const order = (orderedAt: string) => ({ ...base, orderedAt });
    const [timedOut, other, appended] = [
      order("2024-03-01T10:00:00Z"),
      order("2024-03-11T10:00:00Z"),
      order("2024-03-21T10:00:00Z"),
    ];
    const path = inputFile(toNdjson([timedOut, other]));
    fake.setFaults(onFirst("POST /v2.1/orders", { kind: "delay", ms: 3_000 }));
    expect((await importing(path, "--quiet", "--timeout", "1", "--concurrency", "1")).code).toBe(1);
    // The other order finished; a third is appended.
    writeFileSync(path, toNdjson([timedOut, other, appended]));
    expect((await importing(path, "--quiet", "--resume", "--concurrency", "1")).code).toBe(1);
    expect(
      reportOf(path).lines.map((line) => [line.line, line.status, "error" in line ? line.error.class : undefined]),
    ).toEqual([
      [1, "failed", "UnsettledLineError"],
      [2, "done-before", undefined],
      [3, "created", undefined],
    ]);
    for (let waited = 0; fake.store.ordersWithReferenceId(base.referenceId).length < 3 && waited < 6_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await importing(path, "--quiet", "--resume", "--settle", "0")).code).toBe(0);
    const orderedAt = fake.store.ordersWithReferenceId(base.referenceId).map((stored) => stored.fields.orderedAt);
    expect(orderedAt.sort()).toEqual([timedOut, other, appended].map((line) => line.orderedAt));
  }, 20_000);

  it("matches a line's consumers most specific first on a resume, so an edit that puts {Ann} before {Ann Byrne} creates only Ann", async () => {
    const line = { ...sampleOrder(1, { prefix: "CONSUMERS" }), consumers: [{ firstName: "Ann", lastName: "Byrne" }] };
    const path = inputFile(toNdjson([line]));
    expect((await importing(path, "--quiet")).code).toBe(0);
    const edited = { ...line, consumers: [{ firstName: "Ann" }, { firstName: "Ann", lastName: "Byrne" }] };
    writeFileSync(path, toNdjson([edited]));
    expect((await importing(path, "--quiet", "--resume")).code).toBe(0);
    const [order] = fake.store.ordersWithReferenceId(line.referenceId);
    const names = fake.store.peopleOf("consumers", order!.ref).map((person) => JSON.stringify(person.fields));
    // Created in another order than the line's (Ann last): the same people, each once.
    expect(names.sort()).toEqual(
      consumersOf(edited)
        .map(({ person }) => JSON.stringify(person))
        .sort(),
    );
  });

  it("stops at an authentication failure and never shows the token", async () => {
    const token = "wrong-token-Zq81xT";
    const path = inputFile(toNdjson(sampleOrders(10, { prefix: "AUTH" })));
    const run = await runCliHere(["import", path, "--base-url", fake.url, "--api-token", token, "--quiet"], cliEnv());
    expect(run.code).toBe(1);
    const { summary } = reportOf(path);
    expect(summary.stoppedBy).toMatch(/^AuthenticationError/);
    expect(summary.failed).toBeGreaterThan(0);
    expect(summary.notAttempted).toBeGreaterThan(0);
    for (const text of [
      run.stdout,
      run.stderr,
      readFileSync(`${path}.report.json`, "utf8"),
      readFileSync(`${path}.journal`, "utf8"),
    ]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(Buffer.from(`fake-client-key:${token}`).toString("base64"));
    }
  });

  it("reports progress as JSON events with --json", async () => {
    const path = inputFile(toNdjson(sampleOrders(5, { prefix: "JSON" })));
    const run = await importing(path, "--json");
    expect(run.code).toBe(0);
    const events = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { event: string });
    expect(events[0]).toMatchObject({ event: "start", total: 5, done: 0 });
    expect(events.filter((e) => e.event === "line")).toHaveLength(5);
    expect(events.at(-1)).toMatchObject({ event: "summary", created: 5, exitCode: 0 });
  });

  it("reports each bad line as an invalid event and the counts as progress events with --json", async () => {
    fake.setLatency(10);
    const [first, second, third] = sampleOrders(3, { prefix: "JSON-EVENTS" });
    const invalid = { ...second!, currencyCode: undefined };
    const path = inputFile(toNdjson([first!, invalid as unknown as typeof first & object, third!]));
    const run = await importing(path, "--json", "--progress-interval", "0.05", "--concurrency", "1");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const events = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { event: string } & Record<string, unknown>);
    expect(events.filter((e) => e.event === "invalid")).toEqual([
      {
        event: "invalid",
        line: 2,
        violations: [{ path: "body.currencyCode", rule: "required", message: "is required" }],
      },
    ]);
    const progress = events.filter((e) => e.event === "progress");
    // One every 50 ms while the two lines are imported (16 requests at 10 ms or more each),
    // and the last as the import ends.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (const snapshot of progress) {
      const keys = ["done", "elapsedMs", "etaSeconds", "event", "failed", "rate", "rateLimited", "reconciled", "total"];
      // No ETA before there is a rate.
      expect(Object.keys(snapshot).sort()).toEqual(
        keys.filter((key) => key !== "etaSeconds" || snapshot.etaSeconds !== undefined),
      );
      expect(snapshot).toMatchObject({ total: 2, failed: 0, rateLimited: 0 });
    }
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2, etaSeconds: 0 });
    expect(events.map((e) => e.event).indexOf("progress")).toBeGreaterThan(events.map((e) => e.event).indexOf("start"));
    expect(events.at(-1)).toMatchObject({ event: "summary", created: 2, invalid: 1, exitCode: 1 });
  });

  it("writes a plain progress line every interval when stderr is not a terminal", async () => {
    fake.setLatency(10);
    const path = inputFile(toNdjson(sampleOrders(20, { prefix: "PLAIN" })));
    const run = await importing(path, "--progress-interval", "0.1", "--concurrency", "2");
    expect(run.code).toBe(0);
    const progress = run.stderr.split("\n").filter((line) => line.startsWith("import: "));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatch(
      /^import: 20\/20 orders \(100%\) \| [\d.]+\/s \| ETA 0:00 \| 0 failed \| 0 reconciled \| 0×429$/,
    );
  }, 20_000);
});

describe("the cdp-orders command line", () => {
  it.each([
    [[], "Give a command: import, export or verify."],
    [["frobnicate"], 'Unknown command "frobnicate"'],
    [["import"], "import takes one file"],
    [["import", "x.ndjson", "--concurrency", "0"], "--concurrency must be a whole number from 1 to 64"],
    [["import", "x.ndjson", "--bogus"], "Unknown option '--bogus'"],
    [["export"], "export needs --guest-ref REF or --reference-id ID"],
    [
      ["import", "x.ndjson", "--report", "x.ndjson"],
      "The input, --journal and --report (and <report>.partial) must be different files.",
    ],
    [
      ["import", "x.ndjson", "--journal", "same.json", "--report", "same.json"],
      "The input, --journal and --report (and <report>.partial) must be different files.",
    ],
    [
      ["import", "run.json.partial", "--report", "run.json"],
      "The input, --journal and --report (and <report>.partial) must be different files.",
    ],
  ])("refuses %j with exit code 2 and the usage", async (args, message) => {
    const run = await runCliHere(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Usage:");
  });

  it("names missing credentials without running", async () => {
    const path = inputFile(toNdjson(sampleOrders(1, { prefix: "NOCRED" })));
    const run = await runCliHere(["import", path, "--base-url", fake.url], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Missing credentials: clientKey (CDP_CLIENT_KEY) and apiToken (CDP_API_TOKEN).");
  });

  it("prints the usage with --help", async () => {
    const run = await runCliHere(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("cdp-orders import <file.ndjson> [options]");
  });
});
