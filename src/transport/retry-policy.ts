/** Pure retry decisions, exported for table tests and for callers who tune them. */

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The first backoff; doubled per retry, before jitter. */
  initialDelayMs: number;
  /** The longest backoff. */
  maxDelayMs: number;
  /** The longest `Retry-After` honoured; a longer one ends the call with the rate-limit error. */
  maxRetryAfterMs: number;
}

/** Retry settings to change; one left out or given as undefined keeps its default. */
export type RetryOverrides = { [Name in keyof RetryOptions]?: RetryOptions[Name] | undefined };

/** Frozen: a caller's change would reach every client made after it. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 20_000,
});

/**
 * How an attempt ended: an HTTP status, or a failure before one arrived. `refused` means
 * the request provably never reached the server (connection refused, name not resolved);
 * `connection` and `timeout` leave open whether the server processed it.
 */
export type AttemptOutcome =
  | { kind: "status"; status: number }
  | { kind: "refused" }
  | { kind: "connection" }
  | { kind: "timeout" };

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** The answers that prove a request was not processed, so even POST and PATCH may repeat it. */
const NOT_PROCESSED_STATUS = new Set([429, 503]);
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** Whether sending a request twice has the effect of sending it once: not a POST or PATCH. */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** Whether an attempt may be repeated: never a POST or PATCH that the server may have processed. */
export function shouldRetry(method: string, outcome: AttemptOutcome): boolean {
  const idempotent = isIdempotent(method);
  switch (outcome.kind) {
    case "refused":
      return true;
    case "connection":
    case "timeout":
      return idempotent;
    case "status":
      return idempotent ? RETRYABLE_STATUS.has(outcome.status) : NOT_PROCESSED_STATUS.has(outcome.status);
  }
}

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined if absent
 * or unreadable. A header sent twice arrives joined by a comma (`3, 3`): the first counts.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  const head = trimmed.split(",")[0]!.trim();
  if (/^\d+$/.test(head)) return Number(head) * 1000;
  // An HTTP date names its weekday and month; this keeps "-1" or "1.5" from parsing as years.
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  // A date's own comma follows its weekday; a comma before another weekday joins two values.
  const first = trimmed.split(/,\s*(?=[A-Za-z]{3,9}[, ])/)[0]!;
  // asctime dates carry no zone and mean GMT, where Date.parse would take local time.
  const date = Date.parse(/(?:GMT|UTC|Z|[+-]\d{4})\s*$/i.test(first) ? first : `${first} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `retry` (1-based): the server's `Retry-After` when given,
 * else exponential backoff with jitter in [half, full] of the capped step. Returns
 * undefined when `Retry-After` exceeds the cap: waiting that long is giving up.
 */
export function retryDelay(
  retry: number,
  options: RetryOptions,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= options.maxRetryAfterMs ? retryAfterMs : undefined;
  const step = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (retry - 1));
  return step / 2 + random() * (step / 2);
}
