import { CdpError } from "./base.js";
import type { RequestDescription } from "./api-error.js";

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
    const unknown = outcomeUnknown
      ? " The server may have processed it: check whether it took effect before sending it again."
      : "";
    super(`${request.method} ${request.url} ${summary} after ${attempts} attempt${attempts === 1 ? "" : "s"}.${unknown}`, {
      cause: options.cause,
    });
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

/** The caller aborted the request; `cause` is the caller's abort reason. */
export class RequestAbortedError extends CdpError {
  override name = "RequestAbortedError";
}

/** The API answered success but the body is not the JSON the spec promises. */
export class ResponseParseError extends CdpError {
  override name = "ResponseParseError";
  readonly status: number;
  readonly url: string;
  readonly contentType: string | null;
  /** The first bytes of the body, for diagnosis. */
  readonly bodyStart: string;

  constructor(init: { status: number; url: string; contentType: string | null; body: string; reason: string; cause?: unknown }) {
    super(`${init.url} answered HTTP ${init.status} with ${init.reason}`, { cause: init.cause });
    this.status = init.status;
    this.url = init.url;
    this.contentType = init.contentType;
    this.bodyStart = init.body.slice(0, 200);
  }
}

/** A redirect was not followed: to another origin (it would hand over the credentials), or too many. */
export class RedirectError extends CdpError {
  override name = "RedirectError";
  readonly location: string;
  /** What was sent, when a 303 said a POST or PATCH had been processed before the redirect failed. */
  readonly sent: SentRequest | undefined;

  constructor(from: string, location: string, reason: string, processed?: SentRequest) {
    const note = processed ? ` The ${processed.method} was processed (the server answered 303 See Other): do not send it again.` : "";
    super(`${from} answered with ${reason}.${note}`);
    this.location = location;
    this.sent = processed;
  }
}
