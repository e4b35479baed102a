// npm run bench: per-request cost against raw fetch and bare openapi-fetch, listing speed
// against a hand-written next.href loop, the listing's peak memory, the import rate of
// `cdp-orders import` against its ideal, and what strict response validation adds to a GET,
// in one table.
import { cpus } from "node:os";
import { buildClient } from "./bench/built-client.js";
import { startFakeProcess } from "./bench/import-fake.js";
import { importRows, measureImports, REQUESTS_PER_ORDER } from "./bench/import.js";
import { LISTING_LIMIT, measureListings } from "./bench/listing.js";
import {
  measurePerRequest,
  OUR_CLIENT,
  OUR_CLIENT_UNVALIDATED,
  PER_REQUEST_SETTINGS,
  validationAloneMicros,
} from "./bench/per-request.js";
import {
  listingRows,
  perRequestRows,
  responseValidationRows,
  rssRows,
  validationAloneRow,
  type Row,
} from "./bench/report.js";
import { timeResponseValidation, VALIDATOR_ROUNDS } from "./bench/response-validation.js";
import { measurePeakRss } from "./bench/rss.js";
import { startBenchServerProcess } from "./bench/server-process.js";
import {
  measureResponseValidation,
  RESPONSE_CASES,
  RESPONSES_OFF,
  RESPONSES_STRICT,
  servedBody,
} from "./bench/strict-responses.js";
import { renderTable } from "./bench/table.js";

const ITEMS = 10_000;
const LATENCY_MS = 20;
const LISTING_REPETITIONS = 5;
const PAGES = Math.ceil(ITEMS / LISTING_LIMIT);
const IMPORT_ORDERS = 2_000;
const IMPORT_CONCURRENCIES = [4, 8] as const;

const builtClient = await buildClient();
const noLatency = await startBenchServerProcess({ items: ITEMS, latencyMs: 0 });
const withLatency = await startBenchServerProcess({ items: ITEMS, latencyMs: LATENCY_MS });
try {
  const rows: Row[] = [];
  const progress = (message: string) => process.stderr.write(`${message}\n`);

  for (const method of ["GET", "POST"] as const) {
    progress(
      `(a) ${method}: raw fetch, bare openapi-fetch and our client with validation on and off, interleaved, in ${PER_REQUEST_SETTINGS.processes} processes…`,
    );
    const measurements = await measurePerRequest(noLatency.baseUrl, method, builtClient.url);
    rows.push(...perRequestRows(method, measurements, OUR_CLIENT, OUR_CLIENT_UNVALIDATED));
    rows.push(...validationAloneRow(method, validationAloneMicros(method), measurements, OUR_CLIENT));
  }

  progress(
    `(b) listing ${ITEMS.toLocaleString("en-US")} items with ${LATENCY_MS} ms latency, ${LISTING_REPETITIONS} times each…`,
  );
  const listings = await measureListings(withLatency, {
    items: ITEMS,
    latencyMs: LATENCY_MS,
    repetitions: LISTING_REPETITIONS,
  });
  rows.push(
    ...listingRows(
      `(b) list ${ITEMS.toLocaleString("en-US")} items, limit ${LISTING_LIMIT}, ${LATENCY_MS} ms`,
      listings,
    ),
  );

  progress("(c) peak RSS, each listing in a fresh process…");
  const probes = [];
  for (const [name, mode] of [
    ["baseline: same code, first page only", "baseline"],
    ["hand-written fetch loop (next.href)", "fetch-loop"],
    ["paginate, concurrency 4 (default)", "paginate"],
  ] as const) {
    await withLatency.resetRequestCount();
    const result = await measurePeakRss(withLatency.baseUrl, mode, { maxPages: PAGES + 1, concurrency: 4 });
    if (mode !== "baseline" && result.items !== ITEMS)
      throw new Error(`${name} listed ${result.items} of ${ITEMS} items`);
    probes.push({ name, result, requests: await withLatency.requestCount() });
  }
  rows.push(...rssRows(`(c) peak RSS, ${ITEMS.toLocaleString("en-US")}-item listing`, probes));

  progress(
    `(d) cdp-orders import of ${IMPORT_ORDERS.toLocaleString("en-US")} orders with ${LATENCY_MS} ms latency, concurrency ${IMPORT_CONCURRENCIES.join(" and ")}…`,
  );
  const fake = await startFakeProcess(LATENCY_MS);
  try {
    const imports = await measureImports(fake, {
      orders: IMPORT_ORDERS,
      latencyMs: LATENCY_MS,
      concurrencies: IMPORT_CONCURRENCIES,
    });
    rows.push(...importRows(`(d) import ${IMPORT_ORDERS.toLocaleString("en-US")} orders, ${LATENCY_MS} ms`, imports));
  } finally {
    await fake.stop();
  }

  const { order, page } = RESPONSE_CASES;
  progress(
    `(e) validateResponses strict vs off: ${order.title} and ${page.title}, interleaved, in ${order.settings.processes} processes each…`,
  );
  for (const caseName of ["order", "page"] as const) {
    const { title, operation, validatorCalls } = RESPONSE_CASES[caseName];
    const measurements = await measureResponseValidation(noLatency.baseUrl, caseName, builtClient.url);
    const alone = timeResponseValidation(operation, await servedBody(noLatency.baseUrl, caseName), validatorCalls);
    rows.push(...responseValidationRows(title, measurements, alone, RESPONSES_OFF, RESPONSES_STRICT));
  }

  const cpu = cpus();
  console.log(
    `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}; server in its own process on 127.0.0.1, keep-alive, Basic auth checked`,
  );
  console.log(renderTable(["section", "case", "requests", "result", "compared", "target"], rows));
  console.log(
    [
      `(a) ${PER_REQUEST_SETTINGS.processes} fresh processes in turn, each making ${PER_REQUEST_SETTINGS.calls.toLocaleString("en-US")} calls per contender after ${PER_REQUEST_SETTINGS.warmupCalls} warm-up calls, interleaved call by call in an order shuffled every cycle; a ratio is the median of the processes' ratios (their range in brackets), a time the mean over every call. Our client is src/index.ts bundled by esbuild as an application would ship it. GET reads a page of 10 expanded items, POST creates an order item. 'validation alone' is the validator's own time for the same request, 200,000 calls in this process.`,
      `(b) median of ${LISTING_REPETITIONS} interleaved runs; ideal = (ceil(pages / concurrency) + 1) × latency, with ${PAGES} pages; requests as the server counted them.`,
      "(c) process.resourceUsage().maxRSS of a fresh Node process (tsx loaded) that lists the collection once, expanded; the baseline fetches one page.",
      `(d) one run each after a warm-up, in this process, against the stateful fake (test/fake-cdp) in its own process; each order is ${REQUESTS_PER_ORDER} creates (order, contact, 2 items); ideal = concurrency ÷ (${REQUESTS_PER_ORDER} × latency); the time includes checking every line first, the journal and the report.`,
      `(e) our client (as in (a), requests validated) with validateResponses "strict" and "off", against the server of (a), which checks at start-up that both bodies match the spec: ${order.operation} (an order like the spec's Order example) and ${page.operation}?expand=true&limit=100. ${order.settings.processes} fresh processes per case, each making ${order.settings.calls.toLocaleString("en-US")} calls per contender for the order and ${page.settings.calls.toLocaleString("en-US")} for the page after ${order.settings.warmupCalls} and ${page.settings.warmupCalls} warm-up calls (the first loads the validators), interleaved as in (a); off and strict are means over every call; strict − off is the median of the processes' own differences, in µs and as a share of the off request (their range in brackets). A difference of two noisy means, it can stray from the validator alone: the median of ${VALIDATOR_ROUNDS} rounds of ${order.validatorCalls.toLocaleString("en-US")} and ${page.validatorCalls.toLocaleString("en-US")} checks, in this process, of the body the server sends. No target is set.`,
    ].join("\n"),
  );
} finally {
  await noLatency.stop();
  await withLatency.stop();
  builtClient.remove();
}
