import { ConnectionError, RequestAbortedError, TimeoutError, TransportError } from "../errors/index.js";
import { classifyNetworkFailure } from "./failure.js";
import { type AttemptOutcome, parseRetryAfter, type RetryOptions, retryDelay, shouldRetry } from "./retry-policy.js";
import type { Layer } from "./types.js";

/** A retry about to wait, for the logger. */
export interface RetryEvent {
  method: string;
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface RetrySettings {
  policy: RetryOptions;
  /** Waits between attempts; must reject when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: (() => number) | undefined;
  /** Told of each retry before its wait. */
  onRetry: (retry: RetryEvent) => void;
}

function outcomeOf(failure: TransportError): AttemptOutcome {
  if (failure instanceof TimeoutError) return { kind: "timeout" };
  return { kind: failure instanceof ConnectionError ? classifyNetworkFailure(failure.cause) : "connection" };
}

const neverAborted = new AbortController().signal;

/**
 * Sends the request again while the retry policy allows it (`retry-policy.ts` decides;
 * this is the loop), waiting its backoff or the server's Retry-After, never past the
 * deadline and never after a 303 said a POST or PATCH was processed.
 */
export function retrying({ policy, sleep, random, onRetry }: RetrySettings): Layer {
  return (next) => async (request, call) => {
    for (let attempt = 1; ; attempt++) {
      call.attempt = attempt;
      let answer: Response | undefined;
      let failure: TransportError | undefined;
      try {
        answer = await next(request, call);
        // A success is never retried; the check skips the retry rules on the common path.
        if (answer.ok) return answer;
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        failure = error;
      }
      const outcome: AttemptOutcome = answer ? { kind: "status", status: answer.status } : outcomeOf(failure!);
      const giveUp = () => {
        if (answer) return answer;
        throw failure;
      };
      if (call.processed || attempt > policy.maxRetries || !shouldRetry(request.method, outcome)) return giveUp();
      const retryAfter = answer ? parseRetryAfter(answer.headers.get("retry-after")) : undefined;
      const delay = retryDelay(attempt, policy, retryAfter, random);
      // A wait the deadline would cut short, or a Retry-After past the cap, is giving up now.
      if (delay === undefined || delay >= call.deadlineAt - Date.now()) return giveUp();
      onRetry({
        method: request.method,
        url: request.url,
        attempt,
        delayMs: delay,
        reason: answer ? `HTTP ${answer.status}` : outcome.kind,
      });
      try {
        // The deadline cannot fall inside this wait (checked above); only the caller can end it.
        await sleep(delay, request.signal ?? neverAborted);
      } catch (error) {
        // Between attempts the last one's outcome is known: it was worth retrying.
        if (request.signal?.aborted) throw new RequestAbortedError(call.request, { cause: request.signal.reason });
        throw error;
      }
    }
  };
}
