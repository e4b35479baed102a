// The bench's rows: ratios are taken process by process, then the median.
import { expect, it } from "vitest";
import { listingRows, median, perRequestRows, responseValidationRows } from "../../scripts/bench/report.js";

it("takes the middle value, or the mean of the two middle ones", () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([7])).toBe(7);
});

it("gives each contender the median of its per-process ratios, with their range, and judges ours against openapi-fetch", () => {
  const rows = perRequestRows(
    "GET",
    [
      { name: "raw fetch", calls: 6_000, processMeans: [100, 200, 100] },
      { name: "bare openapi-fetch", calls: 6_000, processMeans: [100, 200, 100] },
      // Ratios 1.30, 1.05, 1.08: the median is 1.08, although the pooled means give 1.12.
      { name: "our client", calls: 6_000, processMeans: [130, 210, 108] },
      { name: "our client, validation off", calls: 6_000, processMeans: [120, 200, 108] },
    ],
    "our client",
    "our client, validation off",
  );
  const [reference, , ours, off, versus, cost] = rows;
  expect(reference![4]).toBe("1.00× raw fetch");
  expect(ours![2]).toBe("6,000");
  expect(ours![3]).toBe("149.3 µs");
  expect(ours![4]).toBe("1.08× raw fetch (1.05 to 1.30 in 3 processes)");
  expect(off![5]).toBe("");
  expect(versus![1]).toBe("our client vs bare openapi-fetch");
  expect(versus![4]).toBe("1.08× bare openapi-fetch (1.05 to 1.30 in 3 processes)");
  expect(versus![5]).toBe("≤ 1.15×: met");
  // Validation's cost per process: 130/120 − 1, 210/200 − 1, 0: the median is +5.0%.
  expect(cost![1]).toBe("validation cost (on vs off)");
  expect(cost![4]).toBe("+5.0% per request (+0.0% to +8.3% in 3 processes)");
});

it("reports a miss by how much the median is over the target", () => {
  const rows = perRequestRows(
    "POST",
    [
      { name: "raw fetch", calls: 2_000, processMeans: [100] },
      { name: "bare openapi-fetch", calls: 2_000, processMeans: [110] },
      { name: "our client", calls: 2_000, processMeans: [121] },
    ],
    "our client",
  );
  expect(rows[2]![4]).toBe("1.21× raw fetch");
  expect(rows[3]![4]).toBe("1.10× bare openapi-fetch");
  expect(rows[3]![5]).toBe("≤ 1.00×: MISSED (10.0% over)");
});

it("judges listing at concurrency 8 against raw fetch's own ratio to its ideal", () => {
  const listing = (name: string, kind: string, wallMs: number) =>
    ({ case: kind, name, requests: [100], wallMs, idealMs: 100 }) as Parameters<typeof listingRows>[1][number];
  const judged = (ours: number) =>
    listingRows("(b)", [
      listing("loop", "loop", 400),
      listing("paginate 8", "paginate-8", ours),
      listing("raw 8", "raw-window-8", 120),
    ])[1]![5];
  expect(judged(124)).toBe("+0.04 vs raw fetch's 1.20×, ≤ raw + 0.05: met");
  expect(judged(127)).toBe("+0.07 vs raw fetch's 1.20×, ≤ raw + 0.05: MISSED");
});

it("gives strict response validation's cost over off as the median of the processes' own, in µs and %, with their range", () => {
  const rows = responseValidationRows(
    "GET one order",
    [
      { name: "validateResponses off", calls: 6_000, processMeans: [100, 200, 50] },
      // Differences 4, 2 and 3 µs; shares +4.0%, +1.0% and +6.0%: the medians come from different processes.
      { name: "validateResponses strict", calls: 6_000, processMeans: [104, 202, 53] },
    ],
    { bytes: 1_234, validateMicros: 2.5, jsonParseMicros: 1.25 },
    "validateResponses off",
    "validateResponses strict",
  );
  expect(rows).toEqual([
    ["(e) GET one order, no latency", "validateResponses off", "6,000", "116.7 µs", "", ""],
    ["(e) GET one order, no latency", "validateResponses strict", "6,000", "119.7 µs", "", ""],
    [
      "(e) GET one order, no latency",
      "strict − off",
      "",
      "+3.0 µs",
      "+4.0% per request (+1.0% to +6.0%, +2.0 to +4.0 µs in 3 processes)",
      "",
    ],
    [
      "(e) GET one order, no latency",
      "validator alone, timed in process",
      "",
      "2.50 µs",
      "2.1% of the strict request; JSON.parse of the same 1,234 bytes 1.25 µs",
      "",
    ],
  ]);
});

it("shows a strict run faster than off (noise) as a negative difference, and no range for one process", () => {
  const [, , difference] = responseValidationRows(
    "GET 100 expanded items",
    [
      { name: "off", calls: 400, processMeans: [2_000] },
      { name: "strict", calls: 400, processMeans: [1_990] },
    ],
    { bytes: 45_000, validateMicros: 190, jsonParseMicros: 160 },
    "off",
    "strict",
  );
  expect(difference!.slice(3, 5)).toEqual(["-10.0 µs", "-0.5% per request"]);
});

it("gives no (e) rows when a contender is missing", () => {
  const alone = { bytes: 1, validateMicros: 1, jsonParseMicros: 1 };
  expect(responseValidationRows("x", [{ name: "off", calls: 1, processMeans: [1] }], alone, "off", "strict")).toEqual(
    [],
  );
});
