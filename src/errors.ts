/** Base class of every error this package throws. */
export class CdpError extends Error {
  override name = "CdpError";
}

/** The client options are incomplete or contradictory; nothing was sent. */
export class ConfigurationError extends CdpError {
  override name = "ConfigurationError";
}
