import { RequestAbortedError } from "../errors/index.js";

/**
 * Throws what an aborted client call throws (RequestAbortedError, with the caller's reason
 * as `cause`), so a listing stopped between two requests fails the same way as one stopped
 * during a request. It names the listing: its operation, and its path template on the base URL.
 */
export function throwIfAborted(signal: AbortSignal | undefined, operation: string, baseUrl: string): void {
  if (signal?.aborted) {
    const url = `${baseUrl}${operation.slice("GET ".length)}`;
    throw new RequestAbortedError({ method: "GET", url, operation }, { cause: signal.reason });
  }
}
