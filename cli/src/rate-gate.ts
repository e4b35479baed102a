// One gate for every request of a run, so a 429 slows the whole pool down and not just the
// worker that saw it: after a 429 nobody sends until its Retry-After has passed, and fewer
// requests go out at once for a while (halved per 429, grown back by one per clean round).
//
// The client reaches the gate through its `fetch`: it calls that once per attempt (each retry
// and each redirect hop apart), so every request that goes out has had its turn.
import { onAbort, parseRetryAfter, sleep as realSleep } from "sitecore-cdp-orders";
import { AttemptTimeout } from "./attempt-timeout.js";

/** The longest pause one Retry-After imposes, by default. */
export const MAX_PAUSE_MS = 60_000;

export interface RateGateOptions {
  /** The most requests in flight at once, and the ceiling the limit grows back to. */
  maxInFlight: number;
  /** The pause after a 429 without a usable Retry-After. */
  defaultPauseMs?: number;
  /** The longest pause one Retry-After can impose. */
  maxPauseMs?: number;
  now?: () => number;
  /** How a pause is waited out: rejects with the signal's reason once it aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RateGateStats {
  rateLimited: number;
  limit: number;
  pausedUntil: number;
}

export class RateGate {
  private readonly max: number;
  private readonly defaultPauseMs: number;
  private readonly maxPauseMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private limit: number;
  private inFlight = 0;
  private cleanSinceChange = 0;
  private pausedUntil = 0;
  private rateLimited = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(options: RateGateOptions) {
    if (!Number.isSafeInteger(options.maxInFlight) || options.maxInFlight < 1)
      throw new RangeError("maxInFlight must be a positive integer");
    this.max = options.maxInFlight;
    this.limit = options.maxInFlight;
    this.defaultPauseMs = options.defaultPauseMs ?? 1_000;
    this.maxPauseMs = options.maxPauseMs ?? MAX_PAUSE_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  stats(): RateGateStats {
    return { rateLimited: this.rateLimited, limit: this.limit, pausedUntil: this.pausedUntil };
  }

  /** Resolves once no 429 pause is in force. */
  async whenOpen(signal?: AbortSignal): Promise<void> {
    // Each pass waits out the pause in force; a new 429 during the wait starts another pass.
    for (let pass = 0; pass < 1_000; pass++) {
      const left = this.pausedUntil - this.now();
      if (left <= 0) return;
      await this.sleep(left, signal);
    }
  }

  /** Waits for the pause to end and for a free slot, then takes the slot. */
  async acquire(signal?: AbortSignal): Promise<void> {
    let woken = false;
    for (let pass = 0; pass < 1_000; pass++) {
      try {
        await this.whenOpen(signal);
      } catch (error) {
        // A waiter that was woken and then gives up hands its turn on, so nobody is left waiting.
        if (woken) this.waiting.shift()?.();
        throw error;
      }
      if (this.inFlight < this.limit) {
        this.inFlight++;
        return;
      }
      await new Promise<void>((resolve, reject) => {
        const giveUp = () => {
          const index = this.waiting.indexOf(wake);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason);
        };
        const wake = () => {
          stopFollowing?.();
          resolve();
        };
        this.waiting.push(wake);
        const stopFollowing = signal ? onAbort(signal, giveUp) : undefined;
      });
      woken = true;
    }
    throw new Error("the rate gate did not open");
  }

  /** Gives the slot back; `status` is the answer's HTTP status, undefined when there was none. */
  release(status: number | undefined, retryAfter: string | null = null): void {
    this.inFlight--;
    if (status === 429) this.slowDown(retryAfter);
    else if (status !== undefined && status < 500 && ++this.cleanSinceChange >= this.limit && this.limit < this.max) {
      this.limit++;
      this.cleanSinceChange = 0;
    }
    this.waiting.shift()?.();
  }

  private slowDown(retryAfter: string | null): void {
    this.rateLimited++;
    const pause = Math.min(parseRetryAfter(retryAfter, this.now()) ?? this.defaultPauseMs, this.maxPauseMs);
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + pause);
    this.limit = Math.max(1, Math.ceil(this.limit / 2));
    this.cleanSinceChange = 0;
  }
}

/** Sends a request, ended by `signal`, and resolves with the whole answer, its body read. */
export type Send = (request: Request, signal: AbortSignal) => Promise<Response>;

/** The client's fetch through the gate; `onSend` is called as the request goes out, its turn come. */
export type GatedFetch = (request: Request, onSend?: () => void) => Promise<Response>;

/**
 * A fetch for the client that sends every attempt through the gate: it waits for its turn
 * (given up, and nothing sent, when the request's signal aborts), then `send` gets
 * `timeoutMs` for the whole answer, counted from when the request goes out, so a wait at the
 * gate never uses up `--timeout`. Once that has passed, the attempt ends with an
 * AttemptTimeout. The slot is given back with the answer's status and Retry-After, or with
 * none after a failure.
 */
export function gatedFetch(gate: RateGate, send: Send, timeoutMs: number): GatedFetch {
  return async (request, onSend) => {
    await gate.acquire(request.signal);
    // Aborted as its turn came: not sent (a send might not honour an aborted signal).
    if (request.signal.aborted) {
      gate.release(undefined);
      throw request.signal.reason;
    }
    let response: Response | undefined;
    const attempt = new AbortController();
    const stopFollowing = onAbort(request.signal, () => attempt.abort(request.signal.reason));
    const timer = setTimeout(() => attempt.abort(new AttemptTimeout(timeoutMs)), timeoutMs);
    try {
      onSend?.();
      response = await send(request, attempt.signal);
      return response;
    } finally {
      clearTimeout(timer);
      stopFollowing();
      gate.release(response?.status, response?.headers.get("retry-after") ?? null);
    }
  };
}
