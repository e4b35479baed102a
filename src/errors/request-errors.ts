import { printableUrl } from "../printable-url.js";
import { CdpError } from "./base.js";
import { MAY_HAVE_PROCESSED, type RequestDescription, RequestError, type SentRequest } from "./request-error.js";

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

/**
 * The caller aborted; `cause` is the caller's abort reason. A POST or PATCH aborted after it
 * may have gone out has `outcomeUnknown` and keeps what was sent.
 */
export class RequestAbortedError extends RequestError {
  override name = "RequestAbortedError";
  readonly outcomeUnknown: boolean;

  constructor(request: RequestDescription, options: { cause?: unknown; sent?: SentRequest | undefined }) {
    const message = `${request.method} ${request.url} was aborted by the caller.`;
    super(options.sent ? `${message}${MAY_HAVE_PROCESSED}` : message, request, options);
    this.outcomeUnknown = options.sent !== undefined;
  }
}

/**
 * The API answered success but the body is not the JSON the spec promises. The request was
 * processed: a POST or PATCH keeps what was sent, so nobody sends it again unawares.
 */
export class ResponseParseError extends RequestError {
  override name = "ResponseParseError";
  readonly status: number;
  readonly contentType: string | null;
  /** The first bytes of the body, for diagnosis. */
  readonly bodyStart: string;

  constructor(init: {
    status: number;
    request: RequestDescription;
    contentType: string | null;
    body: string;
    reason: string;
    cause?: unknown;
    sent?: SentRequest | undefined;
  }) {
    const { request } = init;
    super(`${request.method} ${request.url} answered HTTP ${init.status} with ${init.reason}`, request, init);
    this.status = init.status;
    this.contentType = init.contentType;
    this.bodyStart = init.body.slice(0, 200);
  }
}

/**
 * A redirect was not followed: to another origin (it would hand over the credentials), too
 * many, or a 301 or 302 to a POST or PATCH (it may have been processed).
 */
export class RedirectError extends RequestError {
  override name = "RedirectError";
  /** The `Location` the server sent, without user info (it may carry credentials). */
  readonly location: string;

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
    const processed = ` The ${sent?.method} was processed (the server answered 303 See Other): do not send it again.`;
    const note = sent === undefined ? "" : init.processed ? processed : MAY_HAVE_PROCESSED;
    super(`${request.method} ${init.from} answered with ${init.reason}.${note}`, request, { sent });
    this.location = printableUrl(init.location, init.from);
  }
}

/**
 * The answer departs from the spec (`validateResponses: "strict"`): a missing required field,
 * a wrong type, an unlisted enum value, an undocumented status or a body where none belongs.
 * It keeps the parsed `data` and what was found; the request itself was processed.
 */
export class ResponseValidationError extends RequestError {
  override name = "ResponseValidationError";
  readonly status: number;
  readonly violations: readonly Violation[];
  /** The answer's body as parsed (for an error answer, as read). */
  readonly data: unknown;

  constructor(init: { request: RequestDescription; status: number; violations: Violation[]; data: unknown }) {
    const { request, status, violations } = init;
    const list = violations.map((v) => `  - ${v.path}: ${v.message} (${v.rule})`).join("\n");
    super(`${request.method} ${request.url} answered HTTP ${status} differently from the spec.\n${list}`, request);
    this.status = status;
    this.violations = violations;
    this.data = init.data;
  }
}
