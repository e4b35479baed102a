// The import's journal: an append-only NDJSON file next to the input with one record per
// finished line, written to the OS before the next line is reported done, so a killed run
// loses nothing it reported. `--resume` skips the lines recorded done whose text is
// unchanged; every other line is looked up in the API before anything is created.
import { createHash } from "node:crypto";
import { closeSync, createReadStream, existsSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import { sameOrderTime } from "./same-order.js";
import { ImportUsageError } from "./usage-error.js";
import type { LineRefs } from "./sync-order.js";

// 2: records name the order (referenceId and orderedAt), and `sending` is written per create.
export const JOURNAL_VERSION = 2;

export type JournalRecord =
  | { type: "run"; version: number; startedAt: string; input: string; resume: boolean }
  | { type: "done"; line: number; hash: string; referenceId: string; orderedAt: string; refs: LineRefs }
  /** A create of a line is being sent; with no done or failed record after it, the run was killed meanwhile. */
  | { type: "sending"; line: number; referenceId: string; orderedAt: string; at: string }
  /** `unsettledSince`: a create of the line may still take effect, since then. */
  | {
      type: "failed";
      line: number;
      hash: string;
      referenceId: string;
      orderedAt: string;
      error: { name: string; message: string };
      unsettledSince?: string;
    };

export type DoneRecord = Extract<JournalRecord, { type: "done" }>;

export function journalPathFor(inputPath: string): string {
  return `${inputPath}.journal`;
}

/**
 * Identifies a line's text, so an edited line is not taken for the finished one: the first
 * 16 bytes of its SHA-256, in hex. Encoded from those bytes alone, the string holds no
 * longer one alive (one is kept per line of the input while an import runs).
 */
export function lineHash(text: string): string {
  return createHash("sha256").update(text).digest().subarray(0, 16).toString("hex");
}

export interface JournalState {
  /** The last done record of each line. */
  done: Map<number, DoneRecord>;
  /** When a create of an order may have been left to take effect: sent by a killed run, or timed out. */
  unsettled: UnsettledMarks;
  /** Records cut short by a killed run; ignored, so their lines are looked up again. */
  torn: number;
}

/** Reads a journal; a missing file is an empty journal. */
export async function readJournal(path: string): Promise<JournalState> {
  const done = new Map<number, DoneRecord>();
  const unsettled = new UnsettledMarks();
  let torn = 0;
  if (!existsSync(path)) return { done, unsettled, torn };
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text.trim() === "") continue;
    let record: JournalRecord;
    try {
      record = JSON.parse(text) as JournalRecord;
    } catch {
      torn++;
      continue;
    }
    if (record === null || typeof record !== "object") {
      torn++;
      continue;
    }
    if (record.type === "run" && record.version !== JOURNAL_VERSION) {
      throw new ImportUsageError(
        `${path} is a journal of version ${record.version}; this import reads version ${JOURNAL_VERSION}. Move it aside and run again ` +
          "with --resume: with no journal, every line is looked up in the API before anything is created.",
      );
    }
    if (record.type === "done") done.set(record.line, record);
    // The last record of an order says whether a create of it may still take effect (a failed
    // record carries an earlier mark forward while it lasts).
    if (record.type === "sending") unsettled.set(record.referenceId, record.orderedAt, Date.parse(record.at));
    else if (record.type === "done" || (record.type === "failed" && record.unsettledSince === undefined))
      unsettled.clear(record.referenceId, record.orderedAt);
    else if (record.type === "failed")
      unsettled.set(record.referenceId, record.orderedAt, Date.parse(record.unsettledSince!));
  }
  return { done, unsettled, torn };
}

/**
 * When a create of each order may still take effect, by the order (its referenceId and
 * orderedAt, by the API's matching rule), not by line: lines move when the file is edited,
 * and two orders may share a referenceId.
 */
export class UnsettledMarks {
  readonly #byReferenceId = new Map<string, { orderedAt: number; since: number }[]>();

  #others(referenceId: string, orderedAt: string): { orderedAt: number; since: number }[] {
    const at = Date.parse(orderedAt);
    return (this.#byReferenceId.get(referenceId) ?? []).filter((mark) => !sameOrderTime(mark.orderedAt, at));
  }

  set(referenceId: string, orderedAt: string, since: number): void {
    this.#byReferenceId.set(referenceId, [
      ...this.#others(referenceId, orderedAt),
      { orderedAt: Date.parse(orderedAt), since },
    ]);
  }

  clear(referenceId: string, orderedAt: string): void {
    this.#byReferenceId.set(referenceId, this.#others(referenceId, orderedAt));
  }

  /** Since when a create of this order may still take effect, if it may. */
  get(referenceId: string, orderedAt: string): number | undefined {
    const at = Date.parse(orderedAt);
    return this.#byReferenceId.get(referenceId)?.find((mark) => sameOrderTime(mark.orderedAt, at))?.since;
  }
}

/** An open journal; every append is one `write` to the OS, so it survives the process being killed. */
export class Journal {
  private constructor(private fd: number | undefined) {}

  static open(path: string): Journal {
    const fd = openSync(path, "a+");
    // A record torn by a killed run would glue onto the next one; a newline ends it first.
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) writeSync(fd, "\n");
    return new Journal(fd);
  }

  append(record: JournalRecord): void {
    if (this.fd === undefined) throw new Error("the journal is closed");
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
