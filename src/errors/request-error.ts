import { CdpError } from "./base.js";

/** Where a request went. `url` never carries credentials (they travel in a header). */
export interface RequestDescription {
  method: string;
  url: string;
  /** The operation as method and path template, e.g. `GET /v2.1/orders/{orderRef}`. */
  operation?: string | undefined;
}

/** What was sent when the server may have processed a request, so the caller can reconcile. */
export interface SentRequest extends RequestDescription {
  body: string | undefined;
}

/** Said of a POST or PATCH whose outcome is unknown. */
export const MAY_HAVE_PROCESSED =
  " The server may have processed it: check whether it took effect before sending it again.";

/**
 * Base class of the errors about one request: where it went and, when the server may have
 * processed it (or did), what was sent, so nobody sends it again unawares.
 */
export class RequestError extends CdpError {
  override name = "RequestError";
  readonly method: string;
  readonly url: string;
  readonly operation: string | undefined;
  /** The request as sent, kept when it may have been (or was) processed. Never holds credentials. */
  readonly sent: SentRequest | undefined;

  constructor(
    message: string,
    request: RequestDescription,
    options: { sent?: SentRequest | undefined; cause?: unknown } = {},
  ) {
    super(message, "cause" in options ? { cause: options.cause } : undefined);
    this.method = request.method;
    this.url = request.url;
    this.operation = request.operation;
    this.sent = options.sent;
  }
}
