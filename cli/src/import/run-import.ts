// `cdp-orders import`: checks every line first (nothing is sent for a bad line), then
// brings the valid lines into the API with a bounded pool of workers, journalling each
// finished line, and ends with a report of every line and a summary.
import { existsSync, statSync } from "node:fs";
import { CdpError, DEFAULT_RETRY, type OrderClient, retryDelay, sleep, type Violation } from "sitecore-cdp-orders";
import type { GatedFetch, RateGate } from "../rate-gate.js";
import { isFatal, UnsettledLineError } from "./failure.js";
import { Journal, JOURNAL_VERSION, lineHash, readJournal, UnsettledMarks, type DoneRecord } from "./journal.js";
import { ProgressTracker, silentReporter, type ProgressReporter } from "./progress.js";
import { probeWritable } from "./probe-writable.js";
import { sameOrderTime } from "./same-order.js";
import { ImportUsageError } from "./usage-error.js";
import { readLines } from "./read-lines.js";
import { errorSummary, writeReport, type ImportSummary, type LineReport } from "./report.js";
import { syncOrder } from "./sync-order.js";
import { checkLine, describeViolation } from "./validate-line.js";

/** A line that breaks the spec or the import's rules; it is never sent. */
export class LineValidationError extends CdpError {
  override name = "LineValidationError";
}

export { ImportUsageError } from "./usage-error.js";

export interface ImportOptions {
  input: string;
  journalPath: string;
  reportPath: string;
  dryRun: boolean;
  resume: boolean;
  concurrency: number;
  /** Needed unless `dryRun`. */
  client?: OrderClient;
  /**
   * The fetch `client` sends with (default: the global one, ungated). Creates go through it
   * with a journal record as each attempt goes out (`onSend`: past its wait at the rate gate),
   * the client's own retries included.
   */
  fetch?: GatedFetch | undefined;
  gate?: RateGate;
  progress?: ProgressReporter;
  /** How often one step of a line is tried before the line fails. */
  maxAttempts?: number;
  /** Set to stop taking new lines; the lines in flight are finished. `interrupted`: by the user (exit code 130). */
  stop?: ImportStop;
  /** How long an earlier run's create that timed out, or was in flight when it was killed, may still take effect. */
  settleMs?: number;
}

export interface ImportStop {
  /** Why the run stops taking new lines, once it should. */
  requested: string | undefined;
  interrupted?: boolean;
}

/** The exit code of a run the user interrupted, as a shell reports one ended by SIGINT. */
export const INTERRUPTED_EXIT_CODE = 130;

const DEFAULT_MAX_ATTEMPTS = 6;
export const DEFAULT_SETTLE_MS = 5 * 60 * 1000;

/** Remembers each order's referenceId and orderedAt, to refuse a second line for the same order. */
class SameOrderCheck {
  private readonly seen = new Map<string, { at: number; line: number }[]>();

  check(line: number, referenceId: string, orderedAt: string): Violation | undefined {
    const at = Date.parse(orderedAt);
    const earlier = this.seen.get(referenceId) ?? [];
    const same = earlier.find((other) => sameOrderTime(other.at, at));
    if (same) {
      return {
        path: "body.referenceId",
        rule: "unique",
        message: `is the order of line ${same.line} too (same referenceId, orderedAt at most two days apart)`,
      };
    }
    earlier.push({ at, line });
    this.seen.set(referenceId, earlier);
    return undefined;
  }
}

/** The backoff between a line's attempts: the client's own rule, from a shorter first step. */
const LINE_BACKOFF = { ...DEFAULT_RETRY, initialDelayMs: 250, maxDelayMs: 4_000 };

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const startedAt = Date.now();
  const progress = options.progress ?? silentReporter;
  const stop = options.stop ?? { requested: undefined };
  if (!existsSync(options.input)) throw new ImportUsageError(`${options.input} does not exist.`);
  // An import reads it twice (checked, then imported): a pipe would be empty the second time.
  // A dry run reads it once, so a pipe will do, but not a directory.
  const input = statSync(options.input);
  if (input.isDirectory() || (!options.dryRun && !input.isFile())) {
    throw new ImportUsageError(`${options.input} is not a regular file; save the input to a file first.`);
  }
  if (!options.dryRun && !options.resume && existsSync(options.journalPath)) {
    throw new ImportUsageError(
      `${options.journalPath} exists: an import of this file was started before. Pass --resume to continue it ` +
        "(finished lines are skipped; the others are looked up in the API before anything is created).",
    );
  }
  if (!options.dryRun) {
    if (!options.client) throw new ImportUsageError("No client: credentials are needed to import.");
    // What cannot be written is found out now, not after every line is checked or imported.
    probeWritable(`${options.reportPath}.partial`, options.reportPath, "The report");
    probeWritable(options.journalPath, options.journalPath, "The journal");
  }
  const journalState = options.resume
    ? await readJournal(options.journalPath)
    : { done: new Map<number, DoneRecord>(), unsettled: new UnsettledMarks(), torn: 0 };
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;

  // Pass 1: every line is checked before anything is sent.
  const reports = new Map<number, LineReport>();
  // The lines pass 2 imports, with the text checked: a line added or changed since is not sent.
  const toImport = new Map<number, string>();
  const sameOrder = new SameOrderCheck();
  let lines = 0;
  let valid = 0;
  // Lines that passed the check and were changed before they were sent: invalid, not sent.
  let changed = 0;
  // Lines left unchecked because the run was stopped while checking: counted, not attempted.
  let unchecked = 0;
  for await (const { number, text, utf8 } of readLines(options.input)) {
    lines++;
    if (stop.requested !== undefined) {
      unchecked++;
      continue;
    }
    const checked = checkLine(text, utf8);
    const duplicate = checked.ok
      ? sameOrder.check(number, checked.line.referenceId, checked.line.orderedAt)
      : undefined;
    if (!checked.ok || duplicate) {
      const violations = checked.ok ? [duplicate!] : checked.violations;
      const message = violations.map((v) => describeViolation(number, v)).join("\n");
      reports.set(number, {
        line: number,
        status: "invalid",
        error: { class: "LineValidationError", message },
        violations,
      });
      continue;
    }
    valid++;
    const done = journalState.done.get(number);
    const hash = lineHash(text);
    if (done && done.hash === hash) {
      reports.set(number, { line: number, referenceId: done.referenceId, status: "done-before", refs: done.refs });
    } else toImport.set(number, hash);
  }
  const doneBefore = [...reports.values()].filter((r) => r.status === "done-before").length;
  const tracker = new ProgressTracker(valid, () => options.gate?.stats().rateLimited ?? 0);
  for (const report of reports.values()) {
    if (report.status === "invalid") progress.invalid(report.line, report.violations);
    else tracker.finished(report);
  }

  const summarize = (
    stoppedBy: string | undefined,
    journal: string | undefined,
    reportPath: string | undefined,
  ): ImportSummary => {
    const all = [...reports.values()];
    const count = (status: LineReport["status"]) => all.filter((r) => r.status === status).length;
    const created = count("created");
    const failed = count("failed");
    const invalid = lines - unchecked - valid + changed;
    const notAttempted = unchecked + (options.dryRun ? 0 : valid - changed - created - failed - doneBefore);
    const durationMs = Date.now() - startedAt;
    const everyLineIn = invalid === 0 && failed === 0 && notAttempted === 0;
    return {
      input: options.input,
      journal,
      report: reportPath,
      dryRun: options.dryRun,
      lines,
      valid,
      invalid,
      created,
      doneBefore,
      failed,
      notAttempted,
      reconciled: all.filter((r) => r.status === "created" && r.refs.found.length > 0).length,
      rateLimited: options.gate?.stats().rateLimited ?? 0,
      durationMs,
      ordersPerSecond: durationMs > 0 ? (created * 1000) / durationMs : 0,
      stoppedBy,
      exitCode: stop.interrupted ? INTERRUPTED_EXIT_CODE : everyLineIn ? 0 : 1,
    };
  };

  if (options.dryRun) return summarize(stop.requested, undefined, undefined);
  const client = options.client!;
  const send: GatedFetch =
    options.fetch ??
    ((request, onSend) => {
      onSend?.();
      return globalThis.fetch(request);
    });

  // Pass 2: the valid lines not finished before, by `concurrency` workers.
  const journal = Journal.open(options.journalPath);
  journal.append({
    type: "run",
    version: JOURNAL_VERSION,
    startedAt: new Date(startedAt).toISOString(),
    input: options.input,
    resume: options.resume,
  });
  const backoff = async (attempt: number) => {
    await sleep(retryDelay(attempt, LINE_BACKOFF) ?? 0);
    await options.gate?.whenOpen();
  };
  const pending = (async function* () {
    for await (const { number, text, utf8 } of readLines(options.input)) {
      if (toImport.has(number)) yield { number, text, utf8 };
    }
  })();

  progress.start(() => tracker.snapshot());
  const worker = async () => {
    // Each pass takes one line; the input bounds the loop.
    while (stop.requested === undefined) {
      const next = await pending.next();
      if (next.done) return;
      const { number, text, utf8 } = next.value;
      // Checked again as it is sent (the client is told not to repeat the check per request).
      const checked = checkLine(text, utf8);
      const hash = lineHash(text);
      let report: LineReport;
      if (!checked.ok || hash !== toImport.get(number)) {
        // It passed the first pass: the file was changed while the import ran.
        const error = { class: "LineValidationError", message: `line ${number} changed while the import ran` };
        const violations = checked.ok
          ? [{ path: "body", rule: "unchanged", message: "changed after the check, so it was not sent" }]
          : checked.violations;
        reports.set(number, { line: number, status: "invalid", error, violations });
        changed++;
        progress.invalid(number, violations);
        continue;
      }
      const { line } = checked;
      // A create an earlier run left may still take effect: until it has had time to, a
      // look-up that finds nothing does not allow another.
      const since = journalState.unsettled.get(line.referenceId, line.orderedAt);
      // The latest time a create of this order may still take effect from, while that lasts.
      let landing = since !== undefined && Date.now() - since < settleMs ? since : undefined;
      const unsettled = landing !== undefined ? new UnsettledLineError(landing, settleMs) : undefined;
      const { referenceId, orderedAt } = line;
      try {
        const refs = await syncOrder(line, {
          client,
          lookUpFirst: options.resume,
          maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          backoff,
          unsettled,
          // Each attempt of a create is recorded as it goes out: a run killed meanwhile leaves the time.
          createFetch: (request: Request) =>
            send(request, () =>
              journal.append({ type: "sending", line: number, referenceId, orderedAt, at: new Date().toISOString() }),
            ),
          createMayLand: () => (landing = Date.now()),
        });
        journal.append({ type: "done", line: number, hash, referenceId, orderedAt, refs });
        report = { line: number, referenceId: line.referenceId, status: "created", refs };
      } catch (error) {
        const summary = errorSummary(error);
        // Whatever failed the line last, a create that may still land keeps its mark.
        journal.append({
          type: "failed",
          line: number,
          hash,
          referenceId,
          orderedAt,
          error: { name: summary.class, message: summary.message },
          ...(landing !== undefined ? { unsettledSince: new Date(landing).toISOString() } : {}),
        });
        report = { line: number, referenceId: line.referenceId, status: "failed", error: summary };
        if (isFatal(error)) stop.requested ??= `${summary.class}: ${summary.message}`;
      }
      reports.set(number, report);
      tracker.finished(report);
      progress.line(report, tracker.snapshot());
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    journal.close();
    await pending.return(undefined);
    progress.stop(tracker.snapshot());
  }
  const summary = summarize(stop.requested, options.journalPath, options.reportPath);
  writeReport(options.reportPath, summary, reports.values());
  return summary;
}
