// The import's promise, end to end: 1,000 orders (each with a contact, two items with their
// data extensions, a consumer and the order's data extension) through the fake with resets,
// 500s and rate limiting injected; the CLI is killed with SIGKILL partway and run again
// with --resume; every order must then be in the fake exactly once with all its children.
// Then the export must give the input back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderLine } from "../src/import/order-line.js";
import { combineFaults, randomFaults, rateLimitWindows } from "../../test/fake-cdp/faults.js";
import { sampleOrders, toNdjson } from "../../test/fake-cdp/sample-orders.js";
import { startFakeCdp, type FakeCdp } from "../../test/fake-cdp/server.js";
import { runCliProcess, spawnCli } from "./cli-process.js";
import { exactlyOnceProblems, sortKeys } from "./fake-state.js";

const ORDERS = 1_000;
const KILL_AFTER_DONE_LINES = 250;

let dir: string;
let fake: FakeCdp;
const lines = sampleOrders(ORDERS, { prefix: "KILL" });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cdp-orders-kill-"));
  writeFileSync(join(dir, "orders.ndjson"), toNdjson(lines));
  fake = await startFakeCdp({
    latencyMs: 2,
    faults: combineFaults(
      rateLimitWindows({ everyRequests: 3_000, seconds: 1 }),
      randomFaults({
        seed: 42,
        methods: ["POST"],
        rates: { resetBefore: 0.01, resetAfter: 0.01, error500: 0.005, error500AfterEffect: 0.005 },
      }),
    ),
  });
});

afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const doneLines = (journal: string) => {
  try {
    return readFileSync(journal, "utf8")
      .split("\n")
      .filter((line) => line.startsWith('{"type":"done"')).length;
  } catch {
    return 0;
  }
};

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The input as export gives it back: consumers go under the order (the API keeps no item link). */
function asExported(line: OrderLine): OrderLine {
  const consumers = [...(line.items ?? []).flatMap((item) => item.consumers ?? []), ...(line.consumers ?? [])];
  const items = line.items?.map(({ consumers: _, ...item }) => item);
  return { ...line, ...(items ? { items } : {}), ...(consumers.length > 0 ? { consumers } : {}) };
}

describe("cdp-orders import, killed and resumed, against the faulty fake", { timeout: 120_000 }, () => {
  it("ends with every order in the fake exactly once, with all its children", async () => {
    const input = join(dir, "orders.ndjson");
    const journal = `${input}.journal`;
    const args = ["import", input, "--base-url", fake.url, "--concurrency", "8", "--quiet"];

    const first = spawnCli(args);
    await waitFor(
      () => doneLines(journal) >= KILL_AFTER_DONE_LINES || first.child.exitCode !== null,
      60_000,
      "the journal to fill",
    );
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.signal, killed.stderr).toBe("SIGKILL");

    const journalled = new Set(
      readFileSync(journal, "utf8")
        .split("\n")
        .filter((line) => line.startsWith('{"type":"done"'))
        .map((line) => (JSON.parse(line) as { referenceId: string }).referenceId),
    );
    const created = [...fake.store.orders.values()].map((order) => String(order.fields.referenceId));
    // Killed partway: some lines done, not all, and some orders created whose lines were not done.
    expect(journalled.size).toBeGreaterThanOrEqual(KILL_AFTER_DONE_LINES);
    expect(journalled.size).toBeLessThan(ORDERS);
    expect(created.filter((id) => !journalled.has(id)).length).toBeGreaterThan(0);

    // The fake applies a create before it answers, and the killed run's creates had their
    // answers by now: there is nothing to wait for (--settle 0).
    const resumed = await runCliProcess([...args, "--resume", "--settle", "0"], 90_000);
    expect(resumed.code, resumed.stderr + resumed.stdout).toBe(0);
    const report = JSON.parse(readFileSync(`${input}.report.json`, "utf8")) as {
      summary: Record<string, number>;
      lines: unknown[];
    };
    expect(report.summary).toMatchObject({
      lines: ORDERS,
      doneBefore: journalled.size,
      created: ORDERS - journalled.size,
      failed: 0,
      invalid: 0,
      notAttempted: 0,
    });
    expect(report.lines).toHaveLength(ORDERS);

    expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);
    expect(fake.violations).toEqual([]);
    // The faults did happen.
    const outcomes = fake.requests.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "reset-after").length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === "reset-before").length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 429).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 500).length).toBeGreaterThan(0);
  });

  it("exports what was imported, in the import format, equal to the input", async () => {
    fake.setFaults(undefined);
    const guests = [...new Set([...fake.store.contacts.values()].map((contact) => contact.guestRef))];
    expect(guests).toHaveLength(10);
    const exported = await runCliProcess(
      [
        "export",
        ...guests.flatMap((guest) => ["--guest-ref", guest]),
        "--expand",
        "--base-url",
        fake.url,
        "--concurrency",
        "8",
      ],
      90_000,
    );
    expect(exported.code, exported.stderr).toBe(0);
    const back = exported.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as OrderLine);
    const byReference = (a: OrderLine, b: OrderLine) => a.referenceId.localeCompare(b.referenceId);
    expect(back.sort(byReference).map(sortKeys)).toEqual(lines.map(asExported).sort(byReference).map(sortKeys));
    expect(fake.violations).toEqual([]);
  });
});
