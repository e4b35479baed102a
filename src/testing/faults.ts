// Faults a test asks the fake for with `fail`: error answers, latency, a connection that
// fails before the request arrives, or one that drops after the request took effect.
import type { FakeOperation } from "./operation-names.js";
import { ROUTES } from "./routes.js";

/** What can go wrong with a call. */
export type Fault =
  /**
   * An error answer with the CDP error body. Without `processed` the request has no effect;
   * with it the request takes effect first and this answer replaces the real one (an
   * ambiguous 500, say). `retryAfter` sets the Retry-After header (a 429 has `"1"` by default).
   */
  | { kind: "status"; status: 403 | 429 | 500 | 502 | 503; retryAfter?: number | string; processed?: boolean }
  /** Time before the answer; an abort of the request's signal ends the wait, and the fetch rejects with its reason. */
  | { kind: "latency"; ms: number }
  /** The fetch rejects with a TypeError ("fetch failed", cause code ECONNREFUSED): the request never arrived. */
  | { kind: "connection-failure" }
  /** The request takes effect, then the fetch rejects with a TypeError ("fetch failed", cause "other side closed"). */
  | { kind: "dropped-after-processing" };

/** Which calls a fault applies to: every call, or one operation's; until removed, or the next `times`. */
export interface FaultScope {
  /** `"POST /v2.1/orders"`: only calls of this operation. Default: every operation. */
  operation?: FakeOperation;
  /** The fault applies to this many calls (of its operation), then is gone. Default: until removed or `reset()`. */
  times?: number;
}

/** What one call gets: a total latency, and at most one other fault. */
export interface CallFaults {
  latencyMs: number;
  fault?: Exclude<Fault, { kind: "latency" }> | undefined;
}

interface Rule {
  fault: Fault;
  operation: FakeOperation | undefined;
  left: number;
}

const STATUSES = new Set([403, 429, 500, 502, 503]);

function checkFault(fault: Fault, scope: FaultScope): void {
  const problem =
    fault.kind === "status" && !STATUSES.has(fault.status)
      ? `status ${fault.status} is not one of 403, 429, 500, 502, 503`
      : fault.kind === "latency" && !(Number.isFinite(fault.ms) && fault.ms >= 0)
        ? `latency ${fault.ms} is not a number of milliseconds >= 0`
        : !["status", "latency", "connection-failure", "dropped-after-processing"].includes(fault.kind)
          ? `"${(fault as { kind: unknown }).kind}" is not a kind of fault`
          : scope.operation !== undefined && !(scope.operation in ROUTES)
            ? `"${scope.operation}" is not an operation of the API (write it as "POST /v2.1/orders")`
            : scope.times !== undefined && !(Number.isSafeInteger(scope.times) && scope.times > 0)
              ? `times ${scope.times} is not a positive integer`
              : undefined;
  if (problem !== undefined) throw new TypeError(`fail(): ${problem}.`);
}

/** The faults asked for, in the order they were added. */
export class FaultRules {
  private rules: Rule[] = [];

  /** Adds a fault; returns a function that removes it. */
  add(fault: Fault, scope: FaultScope = {}): () => void {
    checkFault(fault, scope);
    const rule: Rule = { fault: { ...fault }, operation: scope.operation, left: scope.times ?? Infinity };
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
  }

  clear(): void {
    this.rules = [];
  }

  /**
   * The faults of one call of `operation`: the first latency rule that applies and the first
   * other rule that applies; each one taken counts as one of its `times`.
   */
  take(operation: FakeOperation): CallFaults {
    let latency: Rule | undefined;
    let other: Rule | undefined;
    for (const rule of this.rules) {
      if (rule.operation !== undefined && rule.operation !== operation) continue;
      if (rule.fault.kind === "latency") latency ??= rule;
      else other ??= rule;
    }
    for (const rule of [latency, other]) if (rule) rule.left--;
    if (latency?.left === 0 || other?.left === 0) this.rules = this.rules.filter((r) => r.left > 0);
    return {
      latencyMs: latency?.fault.kind === "latency" ? latency.fault.ms : 0,
      fault: other?.fault as CallFaults["fault"],
    };
  }
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted, as fetch does. */
export function pause(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A network error with a code, as Node's are. */
function networkError(name: string, message: string, code: string): Error {
  const cause = new Error(`${message} (injected by the fake CDP)`);
  cause.name = name;
  return Object.assign(cause, { code });
}

/** What undici's fetch rejects with when it cannot connect: nothing was sent. */
export function connectionFailure(): TypeError {
  return new TypeError("fetch failed", { cause: networkError("Error", "connect ECONNREFUSED", "ECONNREFUSED") });
}

/** What undici's fetch rejects with when the server closes the connection before answering. */
export function droppedConnection(): TypeError {
  return new TypeError("fetch failed", { cause: networkError("SocketError", "other side closed", "UND_ERR_SOCKET") });
}
