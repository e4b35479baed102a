// Command-line flags as the CLI reads them: numbers within bounds, or a UsageError.
import { expect, it } from "vitest";
import { integerFlag, parseCommandLine, secondsFlag, UsageError } from "../src/args.js";
import { cliClientOptions, requestTimings } from "../src/cli-client.js";
import { createOrderClient } from "sitecore-cdp-orders";
import { runCliHere } from "./cli-process.js";

const valuesOf = (...argv: string[]) => parseCommandLine(["import", ...argv]).values;

it.each([
  [["--timeout", "2.5"], 2_500],
  [["--timeout", ".5"], 500],
  [["--timeout", "2."], 2_000],
  [["--timeout", "0.0001"], 1],
  [[], 30_000],
])("reads --timeout %j as %d ms: a client's timeout is at least 1 ms", (argv, ms) => {
  expect(secondsFlag(valuesOf(...argv), "timeout", 30_000)).toBe(ms);
});

it.each(["0", "-1", "3601", "soon", "0x1e", " 8 ", "1e1", ""])("refuses --timeout %j", (raw) => {
  expect(() => secondsFlag(valuesOf("--timeout", raw), "timeout", 30_000)).toThrow(UsageError);
});

it.each([
  [["--settle", "0"], 0],
  [["--settle", "90"], 90_000],
  [[], 300_000],
])("reads --settle %j as %d ms: 0 is allowed", (argv, ms) => {
  expect(secondsFlag(valuesOf(...argv), "settle", 300_000, true)).toBe(ms);
});

it.each(["3601", "soon", "1e1"])("refuses --settle %j", (raw) => {
  expect(() => secondsFlag(valuesOf("--settle", raw), "settle", 300_000, true)).toThrow(
    /--settle must be a number of seconds from 0, at most 3600/,
  );
});

it("refuses --settle for export", () => {
  expect(() => parseCommandLine(["export", "--reference-id", "R1", "--settle", "1"])).toThrow(
    new UsageError("export does not take --settle."),
  );
});

it.each(["0", "1.5", "65"])("refuses --concurrency %s outside 1..64", (raw) => {
  expect(() => integerFlag(valuesOf("--concurrency", raw), "concurrency", 4, 1, 64)).toThrow(
    /--concurrency must be a whole number from 1 to 64/,
  );
});

it("refuses an unknown command", () => {
  expect(() => parseCommandLine(["upload"])).toThrow(new UsageError('Unknown command "upload".'));
});

// --timeout counts from when an attempt goes out; the client's own attempt timeout has room
// for the wait at the rate gate (twice its longest pause) besides.
it.each([
  [[], 30_000, 150_000, 570_000],
  [["--timeout", "10"], 10_000, 130_000, 510_000],
  [["--timeout", "120"], 120_000, 240_000, 840_000],
])(
  "gives %j a deadline with room for every attempt's whole timeout, its wait at the gate and the longest waits between",
  (argv, timeoutMs, attemptMs, deadlineMs) => {
    expect(requestTimings(valuesOf(...argv))).toEqual({ timeoutMs, attemptMs, deadlineMs });
  },
);

// The rate gate pauses every worker for a Retry-After of up to 60 s; the request that got it
// waits as long and is sent again, rather than ending where the client's default stops (20 s).
it.each([30, 60])("the commands' client waits out a Retry-After of %i s and sends again", async (seconds) => {
  const waits: number[] = [];
  const answers = [
    new Response(null, { status: 429, headers: { "retry-after": String(seconds) } }),
    Response.json({ href: "h", offset: 0, limit: 10, items: [] }),
  ];
  const client = createOrderClient({
    ...cliClientOptions(valuesOf("--base-url", "https://cdp.test"), { CDP_CLIENT_KEY: "k", CDP_API_TOKEN: "t" }),
    fetch: async () => answers.shift()!,
    sleep: async (ms) => void waits.push(ms),
  });
  const { response } = await client.GET("/v2.1/orders", { params: { query: { referenceId: "R1" } } });
  expect(response.status).toBe(200);
  expect(waits).toEqual([seconds * 1000]);
});

it.each(["0x10", " 8 ", "1e1", "0b11", "8.0", ""])("refuses --concurrency %j", (raw) => {
  expect(() => integerFlag(valuesOf("--concurrency", raw), "concurrency", 4, 1, 64)).toThrow(UsageError);
});

it.each([
  [["export", "--reference-id", "R1", "--dry-run"], "export does not take --dry-run."],
  [["export", "--reference-id", "R1", "--resume", "--quiet"], "export does not take --resume, --quiet."],
  [["import", "orders.ndjson", "--expand", "--guest-ref", "g"], "import does not take --expand, --guest-ref."],
])("refuses %j: an option of the other command", (argv, message) => {
  expect(() => parseCommandLine(argv)).toThrow(new UsageError(message));
});

it.each(["--guest-ref", "--reference-id"])(
  "refuses an empty %s as a wrong command line (exit 2), sending nothing",
  async (flag) => {
    const run = await runCliHere(["export", flag, "", "--base-url", "http://127.0.0.1:9"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--guest-ref and --reference-id need a value.");
  },
);
