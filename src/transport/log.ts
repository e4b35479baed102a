import { CdpError, RequestAbortedError } from "../errors/index.js";
import { type ClientEvent, type Logger, report } from "../logger.js";
import { redactHeaders, type Secrets } from "../errors/redact.js";
import type { Layer } from "./types.js";

/** Reports each attempt as it goes out, its headers redacted. */
export function logAttempts(logger: Logger, secrets: Secrets): Layer {
  return (next) => (request, call) => {
    const { method, url } = request;
    report(
      logger,
      { type: "request", method, url, attempt: call.attempt, headers: redactHeaders(request.headers) },
      secrets,
    );
    return next(request, call);
  };
}

/** Reports how a call failed: an error, or an abort by its caller (not a failure). */
export function logFailures(logger: Logger, secrets: Secrets): Layer {
  return (next) => (request, call) =>
    next(request, call).catch((error: unknown) => {
      const { method, url } = request;
      const event: ClientEvent =
        error instanceof RequestAbortedError
          ? { type: "aborted", method, url }
          : { type: "error", method, url, error: { name: (error as Error).name, message: (error as Error).message } };
      if (error instanceof CdpError) report(logger, event, secrets);
      throw error;
    });
}
