import { MAY_HAVE_PROCESSED, RequestError, type SentRequest } from "./request-error.js";

/** The request failed below HTTP, or in time; the base of the transport failures. */
export abstract class TransportError extends RequestError {
  readonly attempts: number;
  /** True when the server may have processed the request (a POST or PATCH after the body went out). */
  readonly outcomeUnknown: boolean;

  constructor(
    summary: string,
    options: { request: SentRequest; attempts: number; outcomeUnknown: boolean; cause?: unknown },
  ) {
    const { request, attempts, outcomeUnknown } = options;
    const times = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
    super(
      `${request.method} ${request.url} ${summary} after ${times}.${outcomeUnknown ? MAY_HAVE_PROCESSED : ""}`,
      request,
      {
        sent: outcomeUnknown ? request : undefined,
        cause: options.cause,
      },
    );
    this.attempts = attempts;
    this.outcomeUnknown = outcomeUnknown;
  }
}

/** The connection failed: refused, reset, or closed before a complete answer. */
export class ConnectionError extends TransportError {
  override name = "ConnectionError";
}

/** An attempt, or the whole call with its retries, ran out of time. */
export class TimeoutError extends TransportError {
  override name = "TimeoutError";
}
