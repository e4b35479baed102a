import type { Logger } from "../logger.js";
import type { Secrets } from "../errors/redact.js";
import { report } from "../logger.js";
import { logAttempts, logFailures } from "./log.js";
import { readAnswer } from "./read-answer.js";
import { sameOriginRedirects } from "./redirects.js";
import { type RetryEvent, retrying } from "./retry.js";
import { DEFAULT_RETRY, type RetryOverrides } from "./retry-policy.js";
import { sendThrough } from "./send.js";
import { sleep } from "./sleep.js";
import { attemptTimeout, DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS, deadline } from "./timeouts.js";
import type { Layer, Send } from "./types.js";

export interface TransportOptions {
  /** A custom fetch; without one the global fetch is called with a URL and init, saving a Request copy. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  retry?: RetryOverrides | undefined;
  /** Longest wait for one attempt, body included. */
  timeoutMs?: number | undefined;
  /** Longest wait for the whole call: every attempt and every backoff. */
  deadlineMs?: number | undefined;
  logger?: Logger | undefined;
  sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
  random?: () => number;
  /** What logs must never show: the client's credentials. */
  secrets: Secrets;
}

/** Wraps `send` in the layers, the first outermost. */
export function compose(layers: readonly (Layer | undefined)[], send: Send): Send {
  return layers.reduceRight<Send>((next, layer) => (layer ? layer(next) : next), send);
}

/**
 * The client's transport, one concern a layer, from the call as a whole down to one HTTP
 * exchange: failures logged; the deadline set; attempts retried; each attempt timed and
 * logged; its answer read and checked; redirects followed within the origin; then fetch.
 */
export function createTransport(options: TransportOptions): Send {
  const { logger, secrets } = options;
  const policy = { ...DEFAULT_RETRY };
  // A field given as undefined keeps its default (a spread would copy the undefined in).
  for (const [name, value] of Object.entries(options.retry ?? {})) {
    if (value !== undefined) Object.assign(policy, { [name]: value });
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const customFetch = options.fetch !== undefined;
  const onRetry = (retry: RetryEvent) => report(logger, { type: "retry", ...retry }, secrets);
  return compose(
    [
      logger && logFailures(logger, secrets),
      deadline(deadlineMs),
      retrying({ policy, sleep: options.sleep ?? sleep, random: options.random, onRetry }),
      attemptTimeout(timeoutMs, deadlineMs, customFetch),
      logger && logAttempts(logger, secrets),
      readAnswer(customFetch),
      sameOriginRedirects(),
    ],
    sendThrough(options.fetch),
  );
}
