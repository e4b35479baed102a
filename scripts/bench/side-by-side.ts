// Measures several ways of doing the same request side by side. Each round runs every
// contender for the same number of sequential calls, in an order that rotates from round to
// round, so machine drift (frequency scaling, GC, other load) falls on all of them alike.

export interface Contender {
  name: string;
  /** One call, awaited to its end (body read). */
  run: () => Promise<unknown>;
}

export interface SideBySideOptions {
  rounds: number;
  callsPerRound: number;
  /** Calls per contender before measuring, to warm connections and the JIT. */
  warmupCalls: number;
}

export interface Measurement {
  name: string;
  calls: number;
  meanMicros: number;
}

async function timeCalls(contender: Contender, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await contender.run();
  return performance.now() - started;
}

export async function measureSideBySide(contenders: readonly Contender[], options: SideBySideOptions): Promise<Measurement[]> {
  for (const contender of contenders) await timeCalls(contender, options.warmupCalls);
  const totalMs = contenders.map(() => 0);
  for (let round = 0; round < options.rounds; round++) {
    for (let step = 0; step < contenders.length; step++) {
      const index = (round + step) % contenders.length;
      totalMs[index]! += await timeCalls(contenders[index]!, options.callsPerRound);
    }
  }
  const calls = options.rounds * options.callsPerRound;
  return contenders.map((contender, i) => ({ name: contender.name, calls, meanMicros: (totalMs[i]! * 1000) / calls }));
}
