import { redactValue, type Secrets } from "./errors/redact.js";
import type { Violation } from "./errors/request-errors.js";

/** Events the client reports; headers are redacted before a logger sees them. */
export type ClientEvent =
  | { type: "request"; method: string; url: string; attempt: number; headers: Record<string, string> }
  | { type: "retry"; method: string; url: string; attempt: number; delayMs: number; reason: string }
  | { type: "error"; method: string; url: string; error: { name: string; message: string } }
  /** A call its caller aborted (a listing does so with the pages it no longer needs): not a failure. */
  | { type: "aborted"; method: string; url: string }
  /** An answer that departs from the spec (`validateResponses: "report"`), once per finding and client. */
  | { type: "responseDrift"; method: string; url: string; operation: string; status: number; violations: Violation[] };

/** Anything with these methods, `console` included. */
export interface Logger {
  debug?(message: string, event: ClientEvent): void;
  warn?(message: string, event: ClientEvent): void;
  error?(message: string, event: ClientEvent): void;
}

/** Gives `event` to the logger, scrubbed of `secrets` (a server may echo them into a URL or message). */
export function report(logger: Logger | undefined, event: ClientEvent, secrets: Secrets = []): void {
  if (!logger) return;
  // A logger that throws, or rejects, must not fail (or seem to have sent) the request it reports on.
  try {
    const logged: unknown = log(logger, redactValue(event, secrets));
    if (logged instanceof Promise) logged.catch(() => undefined);
  } catch {
    // ignored, as above
  }
}

function log(logger: Logger, event: ClientEvent): unknown {
  switch (event.type) {
    case "request":
      return logger.debug?.(`${event.method} ${event.url} (attempt ${event.attempt})`, event);
    case "retry":
      return logger.warn?.(
        `${event.method} ${event.url}: ${event.reason}; retry ${event.attempt} in ${Math.round(event.delayMs)} ms`,
        event,
      );
    case "error":
      return logger.error?.(`${event.method} ${event.url}: ${event.error.name}: ${event.error.message}`, event);
    case "aborted":
      return logger.debug?.(`${event.method} ${event.url}: aborted by the caller`, event);
    case "responseDrift": {
      const first = event.violations[0]!;
      const more = event.violations.length > 1 ? ` (and ${event.violations.length - 1} more)` : "";
      return logger.warn?.(
        `${event.operation} answered ${event.status} unlike the spec: ${first.path} ${first.message}${more}`,
        event,
      );
    }
  }
}
