// The command line: `cdp-orders <import|export|verify> [options]`, parsed with node:util parseArgs.
import { parseArgs } from "node:util";

export const USAGE = `Usage:
  cdp-orders import <file.ndjson> [options]   create each line's order with its contact, items,
                                              consumers and data extensions, exactly once
  cdp-orders export (--guest-ref REF | --reference-id ID)... [--expand]
                                              write the matching orders to stdout as NDJSON
  cdp-orders verify [--keep] [--yes] [--json]
                                              run all 38 operations against the tenant on data
                                              it creates and deletes, and check each answer
                                              against the spec

Connection (every command; flags win over the environment):
  --region ap|eu|jp|us     the tenant's region (CDP_REGION)
  --base-url URL           another base URL: https, or http on loopback (a mock)
  --client-key KEY         the client key (CDP_CLIENT_KEY)
  --api-token TOKEN        the API token (CDP_API_TOKEN; prefer the variable, arguments are
                           visible to other users of the machine)
  --timeout SECONDS        the longest wait for one request attempt (default 30); a request
                           gets time for all three attempts and the waits between them

Import:
  --dry-run                only check the lines; nothing is sent
  --resume                 continue an earlier run of this file: lines its journal records done
                           are skipped, every other line is looked up before anything is created
  --settle SECONDS         how long a create that timed out, or was in flight when a run was
                           killed, may still take effect: until then --resume does not make it
                           again (default 300; 0 trusts the look-up at once)
  --concurrency N          orders in flight at once (default 4)
  --journal PATH           the journal (default <file>.journal)
  --report PATH            the JSON report (default <file>.report.json)
  --quiet                  no progress output
  --json                   progress as JSON events on stdout
  --progress-interval S    seconds between progress lines when stderr is not a terminal
                           (default 5) and between JSON progress events (default 1)

Export:
  --guest-ref REF          the orders of this guest (repeatable)
  --reference-id ID        the orders with this referenceId (repeatable)
  --expand                 add each order's items, contact, consumers and data extensions
  --concurrency N          orders read at once (default 4)

Verify:
  --keep                   leave the data it created in place (its deletes are not run)
  --yes                    create it on a tenant that is not on loopback without asking
  --json                   the report as JSON on stdout

  -h, --help               this text

Exit codes: 0 every line in the API (import), everything written (export) or every operation
as the spec says (verify); 1 some lines failed or were invalid, or some operations drifted or
failed; 2 the command line or the configuration is wrong (or verify not confirmed); 130
interrupted.`;

const OPTIONS = {
  region: { type: "string" },
  "base-url": { type: "string" },
  "client-key": { type: "string" },
  "api-token": { type: "string" },
  timeout: { type: "string" },
  "dry-run": { type: "boolean" },
  resume: { type: "boolean" },
  concurrency: { type: "string" },
  journal: { type: "string" },
  report: { type: "string" },
  quiet: { type: "boolean" },
  json: { type: "boolean" },
  "progress-interval": { type: "string" },
  settle: { type: "string" },
  "guest-ref": { type: "string", multiple: true },
  "reference-id": { type: "string", multiple: true },
  expand: { type: "boolean" },
  keep: { type: "boolean" },
  yes: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export type CliValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

/** Thrown for a command line that cannot run; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

const COMMANDS = ["import", "export", "verify"] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (name: string): name is Command => (COMMANDS as readonly string[]).includes(name);

// The options each command reads; the connection's and help are shared.
const CONNECTION = ["region", "base-url", "client-key", "api-token", "timeout", "help"];
const SHARED = [...CONNECTION, "concurrency"];
const OPTIONS_OF: Record<Command, ReadonlySet<string>> = {
  import: new Set([
    ...SHARED,
    "dry-run",
    "resume",
    "journal",
    "report",
    "quiet",
    "json",
    "progress-interval",
    "settle",
  ]),
  export: new Set([...SHARED, "guest-ref", "reference-id", "expand"]),
  verify: new Set([...CONNECTION, "keep", "yes", "json"]),
};

export interface ParsedCommandLine {
  command: Command | "help";
  positionals: string[];
  values: CliValues;
}

function parseStrictly(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const parsed = parseStrictly(argv);
  const [command, ...positionals] = parsed.positionals;
  if (parsed.values.help || command === "help") return { command: "help", positionals, values: parsed.values };
  if (command === undefined) throw new UsageError("Give a command: import, export or verify.");
  if (!isCommand(command)) throw new UsageError(`Unknown command "${command}".`);
  // An option of another command would be ignored without a word (export --dry-run sends).
  const foreign = Object.keys(parsed.values).filter((name) => !OPTIONS_OF[command].has(name));
  if (foreign.length > 0)
    throw new UsageError(`${command} does not take ${foreign.map((name) => `--${name}`).join(", ")}.`);
  return { command, positionals, values: parsed.values };
}

/** A whole number within bounds, from a flag; the flag's default when absent. */
export function integerFlag(
  values: CliValues,
  name: "concurrency",
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  // Digits only: Number() would also read " 8 ", "0x10" and "1e1".
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  return value;
}

/** A number of seconds, from a flag, as milliseconds: above 0 (or 0 itself when allowed), at most 3600. */
export function secondsFlag(
  values: CliValues,
  name: "timeout" | "progress-interval" | "settle",
  fallbackMs: number,
  allowZero = false,
): number {
  const raw = values[name];
  if (raw === undefined) return fallbackMs;
  const value = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !allowZero) || value > 3600) {
    throw new UsageError(`--${name} must be a number of seconds ${allowZero ? "from 0" : "above 0"}, at most 3600.`);
  }
  return value === 0 ? 0 : Math.max(1, Math.round(value * 1000));
}
