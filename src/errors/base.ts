/**
 * Base class of every error this package throws. Errors carry only what is safe to print:
 * never the API token or the `Authorization` header (see `redact.ts`).
 */
export class CdpError extends Error {
  override name = "CdpError";

  /** Plain data for logs: the name, the message and every public field of the subclass. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

/** The client options are incomplete or contradictory; nothing was sent. */
export class ConfigurationError extends CdpError {
  override name = "ConfigurationError";
}
