// Measures several ways of doing the same request side by side, call by call: each cycle
// makes one call per contender, in an order that rotates from cycle to cycle, so machine
// drift (frequency scaling, GC, other load), which comes and goes within milliseconds on a
// shared machine, falls on all of them alike.

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
}

export interface Measurement {
  name: string;
  calls: number;
  meanMicros: number;
}

export async function measureSideBySide(contenders: readonly Contender[], options: SideBySideOptions): Promise<Measurement[]> {
  for (const contender of contenders) {
    for (let i = 0; i < options.warmupCalls; i++) await contender.run();
  }
  const totalMs = contenders.map(() => 0);
  for (let cycle = 0; cycle < options.calls; cycle++) {
    for (let step = 0; step < contenders.length; step++) {
      const index = (cycle + step) % contenders.length;
      const started = performance.now();
      await contenders[index]!.run();
      totalMs[index]! += performance.now() - started;
    }
  }
  return contenders.map((contender, i) => ({ name: contender.name, calls: options.calls, meanMicros: (totalMs[i]! * 1000) / options.calls }));
}
