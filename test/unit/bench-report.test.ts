// The bench's section (a) rows: ratios are taken process by process, then the median.
import { expect, it } from "vitest";
import { median, perRequestRows } from "../../scripts/bench/report.js";

it("takes the middle value, or the mean of the two middle ones", () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([7])).toBe(7);
});

it("gives each contender the median of its per-process ratios, with their range, and judges the median", () => {
  const rows = perRequestRows(
    "GET",
    [
      { name: "raw fetch", calls: 6_000, processMeans: [100, 200, 100] },
      // Ratios 1.30, 1.05, 1.08: the median is 1.08, although the pooled means give 1.12.
      { name: "our client", calls: 6_000, processMeans: [130, 210, 108] },
      { name: "our client, validation off", calls: 6_000, processMeans: [120, 200, 108] },
    ],
    "our client",
    "our client, validation off",
  );
  const [reference, ours, off, cost] = rows;
  expect(reference![4]).toBe("1.00× raw fetch");
  expect(ours![2]).toBe("6,000");
  expect(ours![3]).toBe("149.3 µs");
  expect(ours![4]).toBe("1.08× raw fetch (1.05 to 1.30 in 3 processes)");
  expect(ours![5]).toBe("≤ 1.10×: met");
  expect(off![5]).toBe("");
  // Validation's cost per process: 130/120 − 1, 210/200 − 1, 0: the median is +5.0%.
  expect(cost![1]).toBe("validation cost (on vs off)");
  expect(cost![4]).toBe("+5.0% per request (+0.0% to +8.3% in 3 processes)");
});

it("reports a miss by how much the median is over the target", () => {
  const rows = perRequestRows(
    "POST",
    [
      { name: "raw fetch", calls: 2_000, processMeans: [100] },
      { name: "our client", calls: 2_000, processMeans: [121] },
    ],
    "our client",
  );
  expect(rows[1]![4]).toBe("1.21× raw fetch");
  expect(rows[1]![5]).toBe("≤ 1.10×: MISSED (10.0% over)");
});
