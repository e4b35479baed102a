// The bench's side-by-side measurement: every contender gets the same calls, one per cycle,
// in an order that changes, so no contender always runs after the same one.
import { expect, it } from "vitest";
import { measureSideBySide, type Contender } from "../../scripts/bench/side-by-side.js";

function recorded(names: string[]): { contenders: Contender[]; log: string[] } {
  const log: string[] = [];
  return { log, contenders: names.map((name) => ({ name, run: async () => void log.push(name) })) };
}

it("makes the warm-up calls, then one call per contender in every cycle", async () => {
  const { contenders, log } = recorded(["a", "b", "c"]);
  const results = await measureSideBySide(contenders, { calls: 40, warmupCalls: 5 });
  expect(log.slice(0, 15)).toEqual([..."aaaaabbbbbccccc"]);
  const measured = log.slice(15);
  expect(measured).toHaveLength(120);
  for (let cycle = 0; cycle < 40; cycle++)
    expect(measured.slice(cycle * 3, cycle * 3 + 3).sort()).toEqual(["a", "b", "c"]);
  expect(results.map((r) => [r.name, r.calls])).toEqual([
    ["a", 40],
    ["b", 40],
    ["c", 40],
  ]);
  for (const r of results) expect(r.meanMicros).toBeGreaterThan(0);
});

it("varies which contender runs before which", async () => {
  const { contenders, log } = recorded(["a", "b", "c", "d"]);
  await measureSideBySide(contenders, { calls: 50, warmupCalls: 0 });
  const before = new Map<string, Set<string>>();
  for (let i = 1; i < log.length; i++) {
    if (!before.has(log[i]!)) before.set(log[i]!, new Set());
    before.get(log[i]!)!.add(log[i - 1]!);
  }
  for (const name of ["a", "b", "c", "d"]) expect(before.get(name)!.size).toBeGreaterThanOrEqual(3);
});

it("shuffles differently for another seed, and the same for the same seed", async () => {
  const orderOf = async (seed: number) => {
    const { contenders, log } = recorded(["a", "b", "c", "d"]);
    await measureSideBySide(contenders, { calls: 20, warmupCalls: 0, seed });
    return log.join("");
  };
  expect(await orderOf(2)).toBe(await orderOf(2));
  expect(await orderOf(2)).not.toBe(await orderOf(3));
});
