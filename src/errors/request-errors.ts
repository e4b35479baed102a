import { printableUrl } from "../printable-url.js";
import { CdpError } from "./base.js";
import type { RequestDescription } from "./api-error.js";

const MAY_HAVE_PROCESSED = " The server may have processed it: check whether it took effect before sending it again.";

/** One way a request breaks the spec: where (a JSON path such as `body.items[0].name`) and which rule. */
export interface Violation {
  path: string;
  rule: string;
  message: string;
}

/** The request breaks the spec; it was not sent. */
export class RequestValidationError extends CdpError {
  override name = "RequestValidationError";
  readonly operation: string;
  readonly violations: readonly Violation[];

  constructor(operation: string, violations: Violation[]) {
    const list = violations.map((v) => `  - ${v.path}: ${v.message} (${v.rule})`).join("\n");
    super(`${operation} was not sent: the request breaks the spec.\n${list}`);
    this.operation = operation;
    this.violations = violations;
  }
}

/** What was sent when the outcome of a request is unknown, so the caller can reconcile. */
export interface SentRequest extends RequestDescription {
  body: string | undefined;
}

interface TransportErrorOptions {
  request: SentRequest;
  attempts: number;
  /** True when the server may have processed the request (a POST or PATCH after the body went out). */
  outcomeUnknown: boolean;
  cause?: unknown;
}

/** The request failed below HTTP, or in time; the base of the transport failures. */
export abstract class TransportError extends CdpError {
  readonly method: string;
  readonly url: string;
  readonly operation: string | undefined;
  readonly attempts: number;
  readonly outcomeUnknown: boolean;
  /** The request as sent; kept when the outcome is unknown. Never holds credentials. */
  readonly sent: SentRequest | undefined;

  constructor(summary: string, options: TransportErrorOptions) {
    const { request, attempts, outcomeUnknown } = options;
    const unknown = outcomeUnknown ? MAY_HAVE_PROCESSED : "";
    super(
      `${request.method} ${request.url} ${summary} after ${attempts} attempt${attempts === 1 ? "" : "s"}.${unknown}`,
      {
        cause: options.cause,
      },
    );
    this.method = request.method;
    this.url = request.url;
    this.operation = request.operation;
    this.attempts = attempts;
    this.outcomeUnknown = outcomeUnknown;
    this.sent = outcomeUnknown ? request : undefined;
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

/**
 * The caller aborted; `cause` is the caller's abort reason. Aborted during a request (not
 * between pages of a listing), it names the request; a POST or PATCH aborted after it may
 * have gone out has `outcomeUnknown` and keeps what was sent.
 */
export class RequestAbortedError extends CdpError {
  override name = "RequestAbortedError";
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly operation: string | undefined;
  readonly outcomeUnknown: boolean;
  readonly sent: SentRequest | undefined;

  constructor(
    message: string,
    options: { cause?: unknown; request?: RequestDescription; sent?: SentRequest | undefined },
  ) {
    super(options.sent ? `${message}${MAY_HAVE_PROCESSED}` : message, { cause: options.cause });
    this.method = options.request?.method;
    this.url = options.request?.url;
    this.operation = options.request?.operation;
    this.outcomeUnknown = options.sent !== undefined;
    this.sent = options.sent;
  }
}

/**
 * The API answered success but the body is not the JSON the spec promises. The request was
 * processed: a POST or PATCH keeps what was sent, so nobody sends it again unawares.
 */
export class ResponseParseError extends CdpError {
  override name = "ResponseParseError";
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly operation: string | undefined;
  readonly contentType: string | null;
  /** The first bytes of the body, for diagnosis. */
  readonly bodyStart: string;
  readonly sent: SentRequest | undefined;

  constructor(init: {
    status: number;
    request: RequestDescription;
    contentType: string | null;
    body: string;
    reason: string;
    cause?: unknown;
    sent?: SentRequest | undefined;
  }) {
    super(`${init.request.method} ${init.request.url} answered HTTP ${init.status} with ${init.reason}`, {
      cause: init.cause,
    });
    this.status = init.status;
    this.method = init.request.method;
    this.url = init.request.url;
    this.operation = init.request.operation;
    this.contentType = init.contentType;
    this.bodyStart = init.body.slice(0, 200);
    this.sent = init.sent;
  }
}

/** Says that a POST or PATCH was processed, for errors that come after a 303. */
function processedNote(method: string): string {
  return ` The ${method} was processed (the server answered 303 See Other): do not send it again.`;
}

/**
 * A redirect was not followed: to another origin (it would hand over the credentials), too
 * many, or a 301 or 302 to a POST or PATCH (it may have been processed).
 */
export class RedirectError extends CdpError {
  override name = "RedirectError";
  readonly method: string;
  readonly url: string;
  readonly operation: string | undefined;
  /** The `Location` the server sent, without user info (it may carry credentials). */
  readonly location: string;
  /** What was sent, when a 303 said a POST or PATCH was processed, or a 301 or 302 to one leaves that unknown. */
  readonly sent: SentRequest | undefined;

  /**
   * `from` is the URL that answered with the redirect: the request's, or one it was redirected
   * to. `processed` says a 303 came before; `sent` without it, that the outcome is unknown.
   */
  constructor(init: {
    request: RequestDescription;
    from: string;
    location: string;
    reason: string;
    sent?: SentRequest | undefined;
    processed?: boolean;
  }) {
    const { request, sent } = init;
    const note = sent === undefined ? "" : init.processed ? processedNote(sent.method) : MAY_HAVE_PROCESSED;
    super(`${request.method} ${init.from} answered with ${init.reason}.${note}`);
    this.method = request.method;
    this.url = request.url;
    this.operation = request.operation;
    this.location = printableUrl(init.location, init.from);
    this.sent = sent;
  }
}
