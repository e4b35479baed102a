// Faults the fake can inject, decided per request by a plan: resets before or after the
// request took effect, error answers (with or without effect), rate limiting, extra latency.

export type Fault =
  /** The connection is destroyed before the request takes effect. */
  | { kind: "reset-before" }
  /** The request takes effect, then the connection is destroyed before any answer. */
  | { kind: "reset-after" }
  /** An error answer; with `afterEffect` the request took effect first (an ambiguous 500). */
  | { kind: "status"; status: 403 | 429 | 500; retryAfter?: string; afterEffect?: boolean }
  /** Extra time before the answer, on top of the server's latency. */
  | { kind: "delay"; ms: number };

export interface FaultContext {
  /** 1-based position among the requests the server received. */
  index: number;
  /** `METHOD /path/template`. */
  operation: string;
  method: string;
  /** The path and query as received. */
  url: string;
}

export type FaultPlan = (request: FaultContext) => Fault | undefined;

/** A small seeded generator (mulberry32), so a faulty run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomFaultRates {
  resetBefore?: number;
  resetAfter?: number;
  /** 500 without effect. */
  error500?: number;
  /** 500 after the request took effect. */
  error500AfterEffect?: number;
}

/** Each request independently gets at most one fault, with the given probabilities. */
export function randomFaults(options: {
  seed: number;
  rates: RandomFaultRates;
  methods?: readonly string[];
}): FaultPlan {
  const random = seededRandom(options.seed);
  const { resetBefore = 0, resetAfter = 0, error500 = 0, error500AfterEffect = 0 } = options.rates;
  return ({ method }) => {
    if (options.methods && !options.methods.includes(method)) return undefined;
    let roll = random();
    for (const [rate, fault] of [
      [resetBefore, { kind: "reset-before" }],
      [resetAfter, { kind: "reset-after" }],
      [error500, { kind: "status", status: 500 }],
      [error500AfterEffect, { kind: "status", status: 500, afterEffect: true }],
    ] as const) {
      if (roll < rate) return fault;
      roll -= rate;
    }
    return undefined;
  };
}

/**
 * A rate limiter that trips every `everyRequests` requests and then answers 429 to every
 * request for `seconds`, with `Retry-After` set to the seconds left, as a real one would.
 */
export function rateLimitWindows(options: { everyRequests: number; seconds: number; now?: () => number }): FaultPlan {
  const now = options.now ?? Date.now;
  let limitedUntil = 0;
  return ({ index }) => {
    if (index % options.everyRequests === 0) limitedUntil = now() + options.seconds * 1000;
    const left = limitedUntil - now();
    if (left <= 0) return undefined;
    return { kind: "status", status: 429, retryAfter: String(Math.ceil(left / 1000)) };
  };
}

/** The first plan with a fault for the request decides. */
export function combineFaults(...plans: FaultPlan[]): FaultPlan {
  return (request) => {
    for (const plan of plans) {
      const fault = plan(request);
      if (fault) return fault;
    }
    return undefined;
  };
}

/** A plan that gives `fault` to the first request for `operation` only. */
export function onFirst(operation: string, fault: Fault): FaultPlan {
  let given = false;
  return (request) => {
    if (given || request.operation !== operation) return undefined;
    given = true;
    return fault;
  };
}
