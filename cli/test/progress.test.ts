// The progress bar hides the cursor and turns line wrap off while it runs; an exit that
// cannot wait for it (a second Ctrl-C) must give the terminal back as it was.
import { PassThrough } from "node:stream";
import { expect, it } from "vitest";
import { barReporter, restoreTerminal, type ProgressSnapshot } from "../src/import/progress.js";

const SHOW_CURSOR = "\x1b[?25h";
const HIDE_CURSOR = "\x1b[?25l";
const WRAP_ON = "\x1b[?7h";
const WRAP_OFF = "\x1b[?7l";

function fakeTerminal(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  let written = "";
  stream.setEncoding("utf8").on("data", (chunk: string) => (written += chunk));
  return { stream, output: () => written };
}

const snapshot: ProgressSnapshot = {
  total: 10,
  done: 2,
  failed: 0,
  reconciled: 0,
  rateLimited: 0,
  rate: 1,
  etaSeconds: 8,
  elapsedMs: 2_000,
};

it("gives back the cursor and line wrap the bar took, when the bar cannot stop itself", async () => {
  const { stream, output } = fakeTerminal(true);
  const reporter = barReporter(stream as unknown as NodeJS.WriteStream);
  reporter.start(() => snapshot);
  await new Promise((resolve) => setImmediate(resolve));
  expect(output()).toContain(HIDE_CURSOR);
  expect(output()).toContain(WRAP_OFF);
  const before = output().length;
  restoreTerminal(stream);
  await new Promise((resolve) => setImmediate(resolve));
  const after = output().slice(before);
  expect(after).toContain(SHOW_CURSOR);
  expect(after).toContain(WRAP_ON);
  reporter.stop(snapshot);
});

it("writes nothing to what is not a terminal", async () => {
  const { stream, output } = fakeTerminal(false);
  restoreTerminal(stream);
  await new Promise((resolve) => setImmediate(resolve));
  expect(output()).toBe("");
});
