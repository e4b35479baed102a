// What a failed request means for the import: whether it may have taken effect (look before
// creating again), certainly did not (send it again), or will not succeed by repeating it.
import {
  ApiError,
  InternalServerError,
  RateLimitError,
  RequestAbortedError,
  ResponseParseError,
  TimeoutError,
  TransportError,
} from "sitecore-cdp-orders";

export type FailureKind =
  /** The request may have taken effect: look it up before creating again. */
  | "ambiguous"
  /** The request certainly did not take effect: it may be sent again. */
  | "not-applied"
  /** Repeating it would fail again (bad request, unknown order, credentials…). */
  | "permanent"
  /** The run is being stopped. */
  | "aborted";

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof RequestAbortedError) return "aborted";
  if (error instanceof RateLimitError) return "not-applied";
  if (error instanceof TransportError) return error.outcomeUnknown ? "ambiguous" : "not-applied";
  // A 5xx to a create is not a promise that nothing happened; a 2xx without a readable body means it did.
  if (error instanceof InternalServerError || error instanceof ResponseParseError) return "ambiguous";
  if (error instanceof ApiError) return error.status === 408 ? "ambiguous" : "permanent";
  return "permanent";
}

/**
 * An ambiguous failure after which the server may still be working on the request (it timed
 * out, here or at a gateway): a look-up that finds nothing right after proves nothing.
 */
export function mayStillTakeEffect(error: unknown): boolean {
  return error instanceof TimeoutError || (error instanceof ApiError && (error.status === 504 || error.status === 408));
}

/** A line an earlier run left a create of that may still take effect: it is not created again yet. */
export class UnsettledLineError extends Error {
  override name = "UnsettledLineError";

  constructor(
    readonly since: number,
    settleMs: number,
  ) {
    super(
      `a create an earlier run sent by ${new Date(since).toISOString()} may still take effect and is not found yet; ` +
        `--resume from ${new Date(since + settleMs).toISOString()} creates what is still missing (--settle)`,
    );
  }
}

/** Errors after which no other line can succeed either: the run stops. */
export function isFatal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}
