// How far an import is: counts and a recent rate, and the three ways to show them: a
// progress bar on a terminal, a plain line every few seconds otherwise, or JSON events.
import cliProgress from "cli-progress";
import type { Violation } from "sitecore-cdp-orders";
import type { LineReport } from "./report.js";
import { describeViolation } from "./validate-line.js";

export interface ProgressSnapshot {
  /** Valid lines in the input. */
  total: number;
  /** Lines finished: created in this run or done in an earlier one. */
  done: number;
  failed: number;
  /** Lines some part of which already existed in the API and was found, not created. */
  reconciled: number;
  /** 429 answers seen. */
  rateLimited: number;
  /** Lines per second over the last few seconds. */
  rate: number;
  /** Seconds left at that rate; undefined before there is a rate. */
  etaSeconds: number | undefined;
  elapsedMs: number;
}

export interface ProgressReporter {
  /** `current` reads the progress at any time, for reporters that report on a clock. */
  start(current: () => ProgressSnapshot): void;
  invalid(line: number, violations: readonly Violation[]): void;
  line(report: LineReport, snapshot: ProgressSnapshot): void;
  stop(snapshot: ProgressSnapshot): void;
}

const RATE_WINDOW_MS = 10_000;

/** Keeps the counts and the recent completion times the rate is computed from. */
export class ProgressTracker {
  private readonly startedAt: number;
  private readonly recent: number[] = [];
  done = 0;
  failed = 0;
  reconciled = 0;

  constructor(
    readonly total: number,
    private readonly rateLimited: () => number,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  finished(report: LineReport): void {
    if (report.status === "created") {
      this.done++;
      if (report.refs.found.length > 0) this.reconciled++;
    } else if (report.status === "done-before") this.done++;
    else if (report.status === "failed") this.failed++;
    if (report.status !== "done-before") this.recent.push(this.now());
  }

  snapshot(): ProgressSnapshot {
    const now = this.now();
    while (this.recent.length > 0 && this.recent[0]! < now - RATE_WINDOW_MS) this.recent.shift();
    const elapsedMs = now - this.startedAt;
    const window = Math.min(RATE_WINDOW_MS, Math.max(elapsedMs, 1));
    const rate = (this.recent.length * 1000) / window;
    const left = this.total - this.done - this.failed;
    return {
      total: this.total,
      done: this.done,
      failed: this.failed,
      reconciled: this.reconciled,
      rateLimited: this.rateLimited(),
      rate,
      etaSeconds: rate > 0 ? left / rate : undefined,
      elapsedMs,
    };
  }
}

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "–";
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

function counters(s: ProgressSnapshot): string {
  return `${s.failed} failed | ${s.reconciled} reconciled | ${s.rateLimited}×429`;
}

/** A bar redrawn in place on a terminal (cli-progress), on stderr. */
export function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {percentage}% | {value}/{total} orders | {rate}/s | ETA {etaText} | {counters}",
      barsize: 24,
      hideCursor: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = (s: ProgressSnapshot) => ({
    rate: s.rate.toFixed(1),
    etaText: formatDuration(s.etaSeconds),
    counters: counters(s),
  });
  // With no valid line there is nothing to show progress of.
  let shown = false;
  return {
    start: (current) => {
      const s = current();
      shown = s.total > 0;
      if (shown) bar.start(s.total, s.done + s.failed, payload(s));
    },
    invalid: (line, violations) => writeViolations((text) => void stream.write(text), line, violations),
    line: (_report, s) => {
      if (shown) bar.update(s.done + s.failed, payload(s));
    },
    stop: (s) => {
      if (!shown) return;
      bar.update(s.done + s.failed, payload(s));
      bar.stop();
    },
  };
}

/**
 * Shows the cursor and turns line wrap back on, as the bar's own stop would (it hides the
 * one and turns off the other on a terminal), for an exit that cannot wait for the bar.
 */
export function restoreTerminal(stream: { isTTY?: boolean; write(text: string): unknown }): void {
  if (stream.isTTY) stream.write("\x1b[?25h\x1b[?7h\n");
}

/** A plain line every `intervalMs`, and a last one at the end, for logs and pipes. */
export function plainReporter(write: (text: string) => void, intervalMs: number): ProgressReporter {
  let timer: NodeJS.Timeout | undefined;
  const line = (s: ProgressSnapshot) => {
    const percent = s.total === 0 ? 100 : Math.floor(((s.done + s.failed) / s.total) * 100);
    write(
      `import: ${s.done + s.failed}/${s.total} orders (${percent}%) | ${s.rate.toFixed(1)}/s | ETA ${formatDuration(s.etaSeconds)} | ${counters(s)}\n`,
    );
  };
  return {
    start: (current) => {
      timer = setInterval(() => line(current()), intervalMs);
      timer.unref();
    },
    invalid: (line, violations) => writeViolations(write, line, violations),
    line: () => {},
    stop: (s) => {
      clearInterval(timer);
      line(s);
    },
  };
}

/** One JSON object per line: start, invalid, line, progress (every `intervalMs`) and, from the caller, summary. */
export function jsonReporter(write: (text: string) => void, intervalMs: number): ProgressReporter {
  let timer: NodeJS.Timeout | undefined;
  const emit = (event: Record<string, unknown>) => write(`${JSON.stringify(event)}\n`);
  return {
    start: (current) => {
      emit({ event: "start", ...current() });
      timer = setInterval(() => emit({ event: "progress", ...current() }), intervalMs);
      timer.unref();
    },
    invalid: (line, violations) => emit({ event: "invalid", line, violations }),
    line: (report) => emit({ event: "line", ...report }),
    stop: (s) => {
      clearInterval(timer);
      emit({ event: "progress", ...s });
    },
  };
}

/** No progress at all; for callers that report nothing (the benchmark, tests). */
export const silentReporter: ProgressReporter = { start() {}, invalid() {}, line() {}, stop() {} };

/** No progress, but the invalid lines still: `--quiet` silences the progress, not the problems. */
export function quietReporter(write: (text: string) => void): ProgressReporter {
  return { ...silentReporter, invalid: (line, violations) => writeViolations(write, line, violations) };
}

function writeViolations(write: (text: string) => void, line: number, violations: readonly Violation[]): void {
  for (const v of violations) write(`${describeViolation(line, v)}\n`);
}
