// Turns the measurements into the benchmark's one table, with a verdict for each target.
import type { ListingResult } from "./listing.js";
import type { ProbeResult } from "./rss-probe.js";
import type { PerRequestResult } from "./per-request.js";
import type { ValidatorTiming } from "./response-validation.js";

export const TARGETS = {
  /** Our client's mean time per request, over bare openapi-fetch's, by method. */
  perRequestOverOpenapiFetch: { GET: 1.15, POST: 1.0 } as Record<string, number>,
  /** The hand-written loop's wall time over the default-concurrency listing's. */
  defaultSpeedup: 3.5,
  /** Request validation's share of a loopback POST: validated time over unvalidated, minus one. */
  validationCost: 0.05,
  /** How far concurrency 8's ratio to its ideal may be above raw fetch's own with 8 in flight. */
  concurrency8OverRaw: 0.05,
} as const;

const integer = (value: number) => Math.round(value).toLocaleString("en-US");
const ratio = (value: number) => `${value.toFixed(2)}×`;

function verdict(value: number, target: number, direction: "at most" | "at least"): string {
  const met = direction === "at most" ? value <= target : value >= target;
  const bound = `${direction === "at most" ? "≤" : "≥"} ${ratio(target)}`;
  const off = `${((Math.abs(value - target) / target) * 100).toFixed(1)}% ${direction === "at most" ? "over" : "short"}`;
  return met ? `${bound}: met` : `${bound}: MISSED (${off})`;
}

export type Row = [
  section: string,
  variant: string,
  requests: string,
  result: string,
  comparison: string,
  target: string,
];

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each process's mean for `over` divided by its mean for `under`. */
const perProcess = (over: PerRequestResult, under: PerRequestResult) =>
  over.processMeans.map((mean, i) => mean / under.processMeans[i]!);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const spread = (values: number[], format: (value: number) => string) =>
  values.length > 1
    ? ` (${format(Math.min(...values))} to ${format(Math.max(...values))} in ${values.length} processes)`
    : "";

const percent = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%`;

/** The time validation adds: our client with it on, over the same client with it off, process by process. */
function validationCostRow(method: string, results: PerRequestResult[], ours: string, unvalidated: string): Row[] {
  const on = results.find((r) => r.name === ours);
  const off = results.find((r) => r.name === unvalidated);
  if (!on || !off) return [];
  const costs = perProcess(on, off).map((ratio) => ratio - 1);
  const cost = median(costs);
  const target =
    method === "POST"
      ? `≤ +${TARGETS.validationCost * 100}%: ${cost <= TARGETS.validationCost ? "met" : `MISSED (${percent(cost - TARGETS.validationCost)} over)`}`
      : "";
  const micros = mean(on.processMeans) - mean(off.processMeans);
  return [
    [
      `(a) ${method}, per request, no latency`,
      "validation cost (on vs off)",
      "",
      `${micros.toFixed(1)} µs`,
      `${percent(cost)} per request${spread(costs, percent)}`,
      target,
    ],
  ];
}

/** The validator alone, timed in process, against our client's time per request. */
export function validationAloneRow(method: string, micros: number, results: PerRequestResult[], ours: string): Row[] {
  const on = results.find((r) => r.name === ours);
  if (!on) return [];
  const share = `${((micros / mean(on.processMeans)) * 100).toFixed(2)}% of our client's request`;
  return [
    [
      `(a) ${method}, per request, no latency`,
      "validation alone, timed in process",
      "",
      `${micros.toFixed(2)} µs`,
      share,
      "",
    ],
  ];
}

/**
 * Section (a): the first result is the reference. A ratio is the median over the processes
 * of each process's ratio; `ours` names the row with a target.
 */
export function perRequestRows(method: string, results: PerRequestResult[], ours: string, unvalidated?: string): Row[] {
  const reference = results[0]!;
  const rows: Row[] = results.map((r) => {
    const ratios = perProcess(r, reference);
    return [
      `(a) ${method}, per request, no latency`,
      r.name,
      integer(r.calls),
      `${mean(r.processMeans).toFixed(1)} µs`,
      `${ratio(median(ratios))} ${reference.name}${r === reference ? "" : spread(ratios, (value) => value.toFixed(2))}`,
      "",
    ];
  });
  return [
    ...rows,
    ...overOpenapiFetchRow(method, results, ours),
    ...(unvalidated === undefined ? [] : validationCostRow(method, results, ours, unvalidated)),
  ];
}

const signedMicros = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}`;

/**
 * Section (e): our client with answers checked strictly against the same client with them
 * unchecked, and the validator alone on the same body. The difference, in µs and as a share
 * of the unchecked request, is the median over the processes of each process's own, with
 * their range; no target is set.
 */
export function responseValidationRows(
  title: string,
  results: PerRequestResult[],
  alone: ValidatorTiming,
  off: string,
  strict: string,
): Row[] {
  const unchecked = results.find((r) => r.name === off);
  const checked = results.find((r) => r.name === strict);
  if (!unchecked || !checked) return [];
  const section = `(e) ${title}, no latency`;
  const differences = checked.processMeans.map((value, i) => value - unchecked.processMeans[i]!);
  const shares = perProcess(checked, unchecked).map((ratio) => ratio - 1);
  const range =
    shares.length > 1
      ? ` (${percent(Math.min(...shares))} to ${percent(Math.max(...shares))}, ${signedMicros(Math.min(...differences))} to ${signedMicros(Math.max(...differences))} µs in ${shares.length} processes)`
      : "";
  const strictMean = mean(checked.processMeans);
  return [
    ...[unchecked, checked].map(
      (r): Row => [section, r.name, integer(r.calls), `${mean(r.processMeans).toFixed(1)} µs`, "", ""],
    ),
    [
      section,
      "strict − off",
      "",
      `${signedMicros(median(differences))} µs`,
      `${percent(median(shares))} per request${range}`,
      "",
    ],
    [
      section,
      "validator alone, timed in process",
      "",
      `${alone.validateMicros.toFixed(2)} µs`,
      `${((alone.validateMicros / strictMean) * 100).toFixed(1)}% of the strict request; JSON.parse of the same ${integer(alone.bytes)} bytes ${alone.jsonParseMicros.toFixed(2)} µs`,
      "",
    ],
  ];
}

export const BARE_OPENAPI_FETCH = "bare openapi-fetch";

/** Our client against bare openapi-fetch, process by process: the target's measure. */
function overOpenapiFetchRow(method: string, results: PerRequestResult[], ours: string): Row[] {
  const on = results.find((r) => r.name === ours);
  const bare = results.find((r) => r.name === BARE_OPENAPI_FETCH);
  const target = TARGETS.perRequestOverOpenapiFetch[method];
  if (!on || !bare || target === undefined) return [];
  const ratios = perProcess(on, bare);
  const value = median(ratios);
  return [
    [
      `(a) ${method}, per request, no latency`,
      `${ours} vs ${BARE_OPENAPI_FETCH}`,
      "",
      "",
      `${ratio(value)} ${BARE_OPENAPI_FETCH}${spread(ratios, (v) => v.toFixed(2))}`,
      verdict(value, target, "at most"),
    ],
  ];
}

function requestCounts(counts: number[]): string {
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? integer(low) : `${integer(low)}–${integer(high)}`;
}

/** Section (b): the first result is the hand-written loop the others are compared with. */
export function listingRows(title: string, results: ListingResult[]): Row[] {
  const loop = results[0]!;
  const raw = results.find((r) => r.case === "raw-window-8");
  return results.map((r) => {
    const speedup = loop.wallMs / r.wallMs;
    const toIdeal = r.wallMs / r.idealMs;
    const comparison = `${ratio(toIdeal)} ideal ${integer(r.idealMs)} ms${r === loop ? "" : `; speed-up ${ratio(speedup)}`}`;
    let target = "";
    if (r.case === "paginate-default") target = `speed-up ${verdict(speedup, TARGETS.defaultSpeedup, "at least")}`;
    if (r.case === "paginate-8" && raw) {
      const rawToIdeal = raw.wallMs / raw.idealMs;
      const over = toIdeal - rawToIdeal;
      const bound = `≤ raw + ${TARGETS.concurrency8OverRaw.toFixed(2)}`;
      target = `${over >= 0 ? "+" : ""}${over.toFixed(2)} vs raw fetch's ${ratio(rawToIdeal)}, ${bound}: ${over <= TARGETS.concurrency8OverRaw ? "met" : "MISSED"}`;
    }
    return [title, r.name, requestCounts(r.requests), `${integer(r.wallMs)} ms`, comparison, target];
  });
}

/** Section (c): the first probe is the baseline process that lists nothing. */
export function rssRows(title: string, probes: { name: string; result: ProbeResult; requests: number }[]): Row[] {
  const baseline = probes[0]!.result.maxRssKiB;
  const mebibytes = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
  return probes.map(({ name, result, requests }, index) => [
    title,
    name,
    integer(requests),
    mebibytes(result.maxRssKiB),
    index === 0 ? "" : `+${mebibytes(result.maxRssKiB - baseline)} over the baseline`,
    "",
  ]);
}
