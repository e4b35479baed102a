import { CdpError, ConnectionError, RequestAbortedError, TimeoutError } from "../errors/index.js";
import { classifyNetworkFailure, factsOf } from "./failure.js";
import { onAbort } from "./on-abort.js";
import { isIdempotent } from "./retry-policy.js";
import { sentRequest } from "./sent.js";
import type { Layer } from "./types.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_DEADLINE_MS = 60_000;

class AttemptTimeout extends Error {}

/** Sets when the whole call, every attempt and every wait between them, must be over. */
export function deadline(deadlineMs: number): Layer {
  return (next) => (request, call) => {
    call.deadlineAt = Date.now() + deadlineMs;
    return next(request, call);
  };
}

/**
 * Gives each attempt its own signal, aborted by the caller's or by whichever comes first of
 * the attempt timeout and the deadline (cheaper than AbortSignal.any), and turns what ends
 * an attempt early into its typed error. `customFetch`: a custom fetch's error may hold its
 * Request, credentials included, so only its facts are kept.
 */
export function attemptTimeout(timeoutMs: number, deadlineMs: number, customFetch: boolean): Layer {
  return (next) => async (request, call) => {
    const callerSignal = request.signal;
    // Aborted before it starts (before, or while waiting for, a retry), the attempt is not
    // made: a custom fetch might not honour an aborted signal.
    if (callerSignal?.aborted) throw new RequestAbortedError(call.request, { cause: callerSignal.reason });
    const remaining = call.deadlineAt - Date.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort(new AttemptTimeout());
      },
      Math.max(0, Math.min(timeoutMs, remaining)),
    );
    const stopFollowing = callerSignal ? onAbort(callerSignal, () => controller.abort(callerSignal.reason)) : undefined;
    try {
      return await next({ ...request, signal: controller.signal }, call);
    } catch (error) {
      const idempotent = isIdempotent(request.method);
      // The caller's abort wins over what it interrupted, even when its reason is one of ours.
      if (callerSignal?.aborted && (error === callerSignal.reason || !(error instanceof CdpError))) {
        // A POST or PATCH aborted once it may have gone out may have been processed.
        const sent = idempotent ? undefined : sentRequest(call);
        throw new RequestAbortedError(call.request, { cause: callerSignal.reason, sent });
      }
      if (error instanceof CdpError) throw error;
      const kind = timedOut ? "timeout" : classifyNetworkFailure(error);
      const summary = !timedOut
        ? kind === "refused"
          ? "could not connect"
          : "lost its connection before a complete answer"
        : remaining <= timeoutMs
          ? `did not finish within the ${deadlineMs} ms deadline`
          : `got no complete answer within the ${timeoutMs} ms attempt timeout`;
      const ErrorClass = timedOut ? TimeoutError : ConnectionError;
      throw new ErrorClass(summary, {
        request: sentRequest(call),
        attempts: call.attempt,
        outcomeUnknown: call.processed || (kind !== "refused" && !idempotent),
        cause: customFetch ? factsOf(error) : error,
      });
    } finally {
      clearTimeout(timer);
      stopFollowing?.();
    }
  };
}
