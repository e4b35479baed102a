// Measures several ways of doing the same request side by side, call by call: each cycle
// makes one call per contender, so machine drift (frequency scaling, other load), which comes
// and goes within milliseconds on a shared machine, falls on all of them alike. The order is
// shuffled every cycle: in a fixed or rotating order each contender would always follow the
// same one and pay for its garbage.

import { seededRandom } from "../../test/fake-cdp/faults.js";

export interface Contender {
  name: string;
  /** One call, awaited to its end (body read). */
  run: () => Promise<unknown>;
}

export interface SideBySideOptions {
  /** Measured calls per contender, one per cycle. */
  calls: number;
  /** Calls per contender before measuring, to warm connections and the JIT. */
  warmupCalls: number;
  /** Seeds the shuffled order; 1 unless given. */
  seed?: number;
}

export interface Measurement {
  name: string;
  calls: number;
  meanMicros: number;
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

export async function measureSideBySide(
  contenders: readonly Contender[],
  options: SideBySideOptions,
): Promise<Measurement[]> {
  for (const contender of contenders) {
    for (let i = 0; i < options.warmupCalls; i++) await contender.run();
  }
  const totalMs = contenders.map(() => 0);
  const order = contenders.map((_, index) => index);
  const random = seededRandom(options.seed ?? 1);
  for (let cycle = 0; cycle < options.calls; cycle++) {
    shuffle(order, random);
    for (const index of order) {
      const started = performance.now();
      await contenders[index]!.run();
      totalMs[index]! += performance.now() - started;
    }
  }
  return contenders.map((contender, i) => ({
    name: contender.name,
    calls: options.calls,
    meanMicros: (totalMs[i]! * 1000) / options.calls,
  }));
}
