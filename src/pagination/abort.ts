import { RequestAbortedError } from "../errors/index.js";

/**
 * Throws what an aborted client call throws (RequestAbortedError, with the caller's reason
 * as `cause`), so a listing stopped between two requests fails the same way as one stopped
 * during a request.
 */
export function throwIfAborted(signal: AbortSignal | undefined, operation: string): void {
  if (signal?.aborted) {
    throw new RequestAbortedError(`${operation} was aborted by the caller.`, { cause: signal.reason });
  }
}
