// One gate for every request of a run, so a 429 slows the whole pool down and not just the
// worker that saw it: after a 429 nobody sends until its Retry-After has passed, and fewer
// requests go out at once for a while (halved per 429, grown back by one per clean round).
import { parseRetryAfter } from "../index.js";
import { onAbort } from "../transport/on-abort.js";
import { sleep } from "../transport/sleep.js";

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
      await sleep(left, signal);
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

/** `fetch` whose every call, each attempt of a client's call, first waits for its turn through the gate. */
export function gatedFetch(gate: RateGate, fetch: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    await gate.acquire(request.signal);
    let response: Response | undefined;
    // An abort that comes with the turn: nothing is sent.
    if (request.signal.aborted) {
      gate.release(undefined);
      throw request.signal.reason;
    }
    try {
      response = await fetch(request);
      return response;
    } finally {
      gate.release(response?.status, response?.headers.get("retry-after") ?? null);
    }
  };
}
