/** Events the client reports; headers are redacted before a logger sees them. */
export type ClientEvent =
  | { type: "request"; method: string; url: string; attempt: number; headers: Record<string, string> }
  | { type: "retry"; method: string; url: string; attempt: number; delayMs: number; reason: string }
  | { type: "error"; method: string; url: string; error: { name: string; message: string } };

/** Anything with these methods, `console` included. */
export interface Logger {
  debug?(message: string, event: ClientEvent): void;
  warn?(message: string, event: ClientEvent): void;
  error?(message: string, event: ClientEvent): void;
}

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? "[redacted]" : value;
  });
  return out;
}

export function report(logger: Logger | undefined, event: ClientEvent): void {
  if (!logger) return;
  try {
    switch (event.type) {
      case "request":
        logger.debug?.(`${event.method} ${event.url} (attempt ${event.attempt})`, event);
        break;
      case "retry":
        logger.warn?.(`${event.method} ${event.url}: ${event.reason}; retry ${event.attempt} in ${Math.round(event.delayMs)} ms`, event);
        break;
      case "error":
        logger.error?.(`${event.method} ${event.url}: ${event.error.name}: ${event.error.message}`, event);
        break;
    }
  } catch {
    // A logger that throws must not fail, or seem to have sent, the request it reports on.
  }
}
