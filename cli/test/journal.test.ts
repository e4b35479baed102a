import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Journal, JOURNAL_VERSION, lineHash, readJournal } from "../src/import/journal.js";

const dir = mkdtempSync(join(tmpdir(), "cdp-orders-journal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refs = { order: "o", items: [], consumers: [], found: [] };
const ORDERED_AT = "2024-03-01T10:00:00Z";

describe("the import journal", () => {
  it("identifies a line by the first 16 bytes of its SHA-256, as journals already written do", () => {
    expect(lineHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223");
  });

  it("reads the done records back, the last one of a line winning", async () => {
    const path = join(dir, "a.journal");
    const journal = Journal.open(path);
    journal.append({
      type: "run",
      version: JOURNAL_VERSION,
      startedAt: "2024-01-01T00:00:00Z",
      input: "a",
      resume: false,
    });
    journal.append({
      type: "failed",
      line: 1,
      hash: "h1",
      referenceId: "A",
      orderedAt: ORDERED_AT,
      error: { name: "X", message: "y" },
    });
    journal.append({ type: "done", line: 1, hash: "h1", referenceId: "A", orderedAt: ORDERED_AT, refs });
    journal.append({ type: "done", line: 2, hash: "h2", referenceId: "B", orderedAt: ORDERED_AT, refs });
    journal.close();
    const state = await readJournal(path);
    expect([...state.done.keys()]).toEqual([1, 2]);
    expect(state.torn).toBe(0);
  });

  it("knows which orders a create may still be taking effect for, by referenceId and orderedAt: sent by a killed run, or timed out", async () => {
    const path = join(dir, "unsettled.journal");
    const journal = Journal.open(path);
    const at = (second: number) => `2024-01-01T00:00:0${second}.000Z`;
    const tenDaysLater = "2024-03-11T10:00:00Z";
    journal.append({ type: "sending", line: 1, referenceId: "A", orderedAt: ORDERED_AT, at: at(1) });
    journal.append({ type: "done", line: 1, hash: "h1", referenceId: "A", orderedAt: ORDERED_AT, refs });
    journal.append({ type: "sending", line: 2, referenceId: "B", orderedAt: ORDERED_AT, at: at(2) });
    journal.append({ type: "sending", line: 3, referenceId: "C", orderedAt: ORDERED_AT, at: at(3) });
    journal.append({
      type: "failed",
      line: 3,
      hash: "h3",
      referenceId: "C",
      orderedAt: ORDERED_AT,
      error: { name: "TimeoutError", message: "t" },
      unsettledSince: at(4),
    });
    journal.append({ type: "sending", line: 4, referenceId: "D", orderedAt: ORDERED_AT, at: at(5) });
    journal.append({
      type: "failed",
      line: 4,
      hash: "h4",
      referenceId: "D",
      orderedAt: ORDERED_AT,
      error: { name: "BadRequestError", message: "b" },
    });
    // Another order with C's referenceId, ten days later, finishes: C's mark stays.
    journal.append({ type: "done", line: 5, hash: "h5", referenceId: "C", orderedAt: tenDaysLater, refs });
    // The order of line 3 moved to line 2 in a later run: its mark follows it.
    journal.append({
      type: "failed",
      line: 2,
      hash: "h3",
      referenceId: "C",
      orderedAt: "2024-03-01T10:00:00.000Z",
      error: { name: "InternalServerError", message: "i" },
      unsettledSince: at(4),
    });
    journal.close();
    appendFileSync(path, "null\n42\n");
    const { unsettled, torn } = await readJournal(path);
    const marks = [
      ["A", ORDERED_AT],
      ["B", ORDERED_AT],
      ["C", ORDERED_AT],
      ["C", tenDaysLater],
      ["D", ORDERED_AT],
      ["B", tenDaysLater],
    ] as const;
    expect(marks.map(([referenceId, orderedAt]) => unsettled.get(referenceId, orderedAt))).toEqual([
      undefined,
      Date.parse(at(2)),
      Date.parse(at(4)),
      undefined,
      undefined,
      undefined,
    ]);
    expect(torn).toBe(2);
  });

  it("ignores a record torn by a killed run, and starts the next run on a line of its own", async () => {
    const path = join(dir, "b.journal");
    writeFileSync(
      path,
      `${JSON.stringify({ type: "done", line: 1, hash: "h1", referenceId: "A", orderedAt: ORDERED_AT, refs })}\n`,
    );
    appendFileSync(path, '{"type":"done","line":2,"hash":"h2","refe');
    const journal = Journal.open(path);
    journal.append({ type: "done", line: 3, hash: "h3", referenceId: "C", orderedAt: ORDERED_AT, refs });
    journal.close();
    expect(readFileSync(path, "utf8").split("\n")).toHaveLength(4);
    const state = await readJournal(path);
    expect([...state.done.keys()]).toEqual([1, 3]);
    expect(state.torn).toBe(1);
  });

  it("treats a missing journal as empty", async () => {
    expect((await readJournal(join(dir, "none.journal"))).done.size).toBe(0);
  });

  it("tells lines apart by their text", () => {
    expect(lineHash('{"a":1}')).not.toBe(lineHash('{"a":2}'));
    expect(lineHash('{"a":1}')).toBe(lineHash('{"a":1}'));
  });
});
