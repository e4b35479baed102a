// `--timeout` is counted from when a request goes out, past its wait at the rate gate, so the
// gated fetch ends an attempt that takes longer itself, with an AttemptTimeout. The client
// takes a failure of its fetch for a lost connection (a ConnectionError caused by it); the
// commands' client gives it back as the TimeoutError it is, which the import must tell from a
// lost connection: a create that timed out may still take effect on the server.
import { ConnectionError, TimeoutError, type OrderClient } from "sitecore-cdp-orders";

/** Why the gated fetch ended an attempt: no complete answer within `--timeout` of sending it. */
export class AttemptTimeout extends Error {
  override name = "AttemptTimeout";

  constructor(readonly timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms of sending the request`);
  }
}

/** Whether an AttemptTimeout (or the copy of it the client keeps) is along the error's causes. */
function causedByAttemptTimeout(error: Error): boolean {
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth++, cause = cause.cause) {
    if (cause.name === "AttemptTimeout") return true;
  }
  return false;
}

/** The error a call of the commands' client ends with: one an AttemptTimeout caused is a TimeoutError. */
export function asTimeoutError(error: unknown, timeoutMs: number): unknown {
  if (!(error instanceof ConnectionError) || !causedByAttemptTimeout(error)) return error;
  const { method, url, operation, attempts, outcomeUnknown, sent } = error;
  return new TimeoutError(`got no complete answer within the ${timeoutMs} ms attempt timeout`, {
    request: sent ?? { method, url, operation, body: undefined },
    attempts,
    outcomeUnknown,
    cause: error.cause,
  });
}

const METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "request"] as const;

/**
 * The client with every call's attempt timeout given as a TimeoutError (see asTimeoutError);
 * everything else is the client's own.
 */
export function withTimeoutErrors(client: OrderClient, timeoutMs: number): OrderClient {
  const calls: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of METHODS) {
    const call = client[method] as (...args: unknown[]) => Promise<unknown>;
    calls[method] = (...args) =>
      call(...args).catch((error: unknown) => {
        throw asTimeoutError(error, timeoutMs);
      });
  }
  return Object.assign(Object.create(client) as OrderClient, calls);
}
