// Runs one command line to an exit code. Output goes where the usage says: progress and
// problems to stderr; the summary (or, with --json, every event) and exports to stdout.
import { resolve } from "node:path";
import type { Readable, Writable } from "node:stream";
import { CdpError, ConfigurationError } from "sitecore-cdp-orders";
import { integerFlag, parseCommandLine, secondsFlag, UsageError, USAGE, type CliValues } from "./args.js";
import { connectionSettings, createCliClient } from "./cli-client.js";
import { runExport, type OrderSelector } from "./export/run-export.js";
import { journalPathFor } from "./import/journal.js";
import { barReporter, jsonReporter, plainReporter, quietReporter, type ProgressReporter } from "./import/progress.js";
import { describeSummary } from "./import/report.js";
import {
  DEFAULT_SETTLE_MS,
  ImportUsageError,
  INTERRUPTED_EXIT_CODE,
  runImport,
  type ImportStop,
} from "./import/run-import.js";
import { guardOutput } from "./output-guard.js";
import { verifyCommand } from "./verify/command.js";

export interface CliIo {
  /** Where verify reads its confirmation, when it is a terminal. */
  stdin?: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Registers what a first interrupt (Ctrl-C) does; a second one ends the process. */
  onInterrupt?: (handler: () => void) => void;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: INTERRUPTED_EXIT_CODE } as const;

type Output = ReturnType<typeof guardOutput>;

const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

function progressReporter(values: CliValues, io: CliIo, stdout: Output, stderr: Output): ProgressReporter {
  if (values.json) return jsonReporter(stdout.write, secondsFlag(values, "progress-interval", 1_000));
  if (values.quiet) return quietReporter(stderr.write);
  if (io.stderr.isTTY) return barReporter(io.stderr as NodeJS.WriteStream);
  return plainReporter(stderr.write, secondsFlag(values, "progress-interval", 5_000));
}

async function importCommand(
  positionals: string[],
  values: CliValues,
  io: CliIo,
  stdout: Output,
  stderr: Output,
): Promise<number> {
  if (positionals.length !== 1) throw new UsageError("import takes one file: cdp-orders import <file.ndjson>.");
  const input = resolve(positionals[0]!);
  const journalPath = values.journal ? resolve(values.journal) : journalPathFor(input);
  const reportPath = values.report ? resolve(values.report) : `${input}.report.json`;
  // Each is written to (the report first as <report>.partial): one file in two roles would
  // overwrite the input or the journal.
  if (new Set([input, journalPath, reportPath, `${reportPath}.partial`]).size < 4) {
    throw new UsageError("The input, --journal and --report (and <report>.partial) must be different files.");
  }
  const concurrency = integerFlag(values, "concurrency", DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
  const dryRun = values["dry-run"] === true;
  // A dry run connects nowhere, but refuses the connection flags the run itself would.
  if (dryRun) connectionSettings(values, io.env);
  const connection = dryRun ? undefined : createCliClient(values, io.env, concurrency, { validateRequests: false });
  const stop: ImportStop = { requested: undefined };
  io.onInterrupt?.(() => {
    stop.requested = "interrupted; the orders in flight were finished (run again with --resume)";
    stop.interrupted = true;
    stderr.write("\nStopping: finishing the orders in flight (interrupt again to stop at once; --resume continues)…\n");
  });
  const summary = await runImport({
    input,
    journalPath,
    reportPath,
    settleMs: secondsFlag(values, "settle", DEFAULT_SETTLE_MS, true),
    dryRun,
    resume: values.resume === true,
    concurrency,
    ...(connection ? { client: connection.client, gate: connection.gate, fetch: connection.fetch } : {}),
    progress: progressReporter(values, io, stdout, stderr),
    stop,
  });
  if (values.json) stdout.write(`${JSON.stringify({ event: "summary", ...summary })}\n`);
  else stdout.write(`${describeSummary(summary)}\n`);
  return summary.exitCode;
}

async function exportCommand(positionals: string[], values: CliValues, io: CliIo, stderr: Output): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`export takes no file; unexpected "${positionals[0]}".`);
  const selectors: OrderSelector[] = [
    ...(values["guest-ref"] ?? []).map((guestRef) => ({ guestRef })),
    ...(values["reference-id"] ?? []).map((referenceId) => ({ referenceId })),
  ];
  if (selectors.length === 0)
    throw new UsageError("export needs --guest-ref REF or --reference-id ID (either may be repeated).");
  if (selectors.some((selector) => Object.values(selector)[0] === ""))
    throw new UsageError("--guest-ref and --reference-id need a value.");
  const concurrency = integerFlag(values, "concurrency", DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
  const { client } = createCliClient(values, io.env, concurrency * 2);
  const controller = new AbortController();
  io.onInterrupt?.(() => controller.abort(new Error("interrupted")));
  // A reader that goes away (`| head`) ends the export quietly; any other failure to write
  // (a full disk) ends it with that error.
  let outputError: NodeJS.ErrnoException | undefined;
  const onOutputError = (error: NodeJS.ErrnoException) => {
    outputError ??= error;
    controller.abort(error);
  };
  io.stdout.on("error", onOutputError);
  try {
    const warn = (message: string) => stderr.write(`cdp-orders: ${message}\n`);
    await runExport({
      client,
      selectors,
      expand: values.expand === true,
      concurrency,
      output: io.stdout,
      signal: controller.signal,
      warn,
    });
    return EXIT.ok;
  } catch (error) {
    if (outputError?.code === "EPIPE") return EXIT.ok;
    if (outputError !== undefined) throw outputError;
    if (controller.signal.aborted) return EXIT.interrupted;
    throw error;
  } finally {
    io.stdout.off("error", onOutputError);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Output that can no longer be written (its reader gone, a full disk) must not end a run
  // midway with an unhandled 'error' event, nor change its exit code: an import goes on,
  // its report and journal written as always. Export's lines have their own rule.
  const stdout = guardOutput(io.stdout);
  const stderr = guardOutput(io.stderr);
  try {
    const { command, positionals, values } = parseCommandLine(argv);
    if (command === "help") {
      stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (command === "verify") return await verifyCommand(positionals, values, io, stdout, stderr);
    return command === "import"
      ? await importCommand(positionals, values, io, stdout, stderr)
      : await exportCommand(positionals, values, io, stderr);
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`cdp-orders: ${error.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigurationError || error instanceof ImportUsageError) {
      stderr.write(`cdp-orders: ${error.message}\n`);
      return EXIT.usage;
    }
    // Every error of the client is safe to print: none carries the token.
    const name = error instanceof CdpError || error instanceof Error ? error.name : "Error";
    stderr.write(`cdp-orders: ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
