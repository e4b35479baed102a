import { textOf } from "./body-text.js";
import { redactHeaders } from "./redact.js";
import { type RequestDescription, RequestError, type SentRequest } from "./request-error.js";

/** The error body Sitecore CDP sends; `status` is a number or a name such as "UNAUTHORIZED". */
export interface CdpErrorBody {
  status?: number | string;
  code?: number;
  message?: string;
  developerMessage?: string;
  moreInfoUrl?: string;
}

export interface ApiErrorInit extends RequestDescription {
  status: number;
  headers: Headers;
  body: unknown;
  /** What was sent, when a 303 said a POST or PATCH was processed and this answers the GET after it. */
  processed?: SentRequest | undefined;
}

function asErrorBody(body: unknown): CdpErrorBody | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return undefined;
  const { status, code, message, developerMessage, moreInfoUrl } = body as Record<string, unknown>;
  const pick = <T>(value: unknown, ok: (v: unknown) => v is T) => (ok(value) ? value : undefined);
  const isString = (v: unknown): v is string => typeof v === "string";
  const isNumber = (v: unknown): v is number => typeof v === "number";
  const parsed: CdpErrorBody = {};
  const statusValue = pick(status, (v): v is number | string => isString(v) || isNumber(v));
  if (statusValue !== undefined) parsed.status = statusValue;
  const codeValue = pick(code, isNumber);
  if (codeValue !== undefined) parsed.code = codeValue;
  for (const [key, value] of [
    ["message", message],
    ["developerMessage", developerMessage],
    ["moreInfoUrl", moreInfoUrl],
  ] as const) {
    if (isString(value)) parsed[key] = value;
  }
  return Object.keys(parsed).length > 0 ? parsed : undefined;
}

/** An HTTP error answer from the API. Subclasses name the status; `createApiError` picks one. */
export class ApiError extends RequestError {
  override name = "ApiError";
  readonly status: number;
  readonly body: CdpErrorBody | undefined;
  /** The answer's body as text when it is not a CDP error body (an HTML page from a proxy), cut at 2,000 characters. */
  readonly bodyText: string | undefined;
  /** The answer's headers, cookies and credentials redacted. */
  readonly headers: Record<string, string>;

  /**
   * `sent` is set when a 303 said a POST or PATCH was processed: this error answered the GET
   * that followed it, so the POST or PATCH must not be sent again.
   */
  constructor(init: ApiErrorInit, hint?: string) {
    const body = asErrorBody(init.body);
    const detail = [
      body?.status !== undefined && body.status !== init.status ? String(body.status) : "",
      body?.message ?? "",
    ]
      .filter(Boolean)
      .join(": ");
    const answer = `HTTP ${init.status}${detail ? ` (${detail})` : ""}${hint ? `. ${hint}` : ""}`;
    super(
      init.processed
        ? `${init.method} ${init.url} was processed (the server answered 303 See Other), but the GET that followed failed with ${answer}. Do not send the ${init.method} again.`
        : `${init.method} ${init.url} failed with ${answer}`,
      init,
      { sent: init.processed },
    );
    this.status = init.status;
    this.body = body;
    this.bodyText = body === undefined ? textOf(init.body) : undefined;
    // Redacted as the logger's are: a gateway's session cookie would otherwise reach error logs.
    this.headers = redactHeaders(init.headers);
  }

  get code(): number | undefined {
    return this.body?.code;
  }

  get developerMessage(): string | undefined {
    return this.body?.developerMessage;
  }

  get moreInfoUrl(): string | undefined {
    return this.body?.moreInfoUrl;
  }
}

export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}

export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";

  constructor(init: ApiErrorInit) {
    super(
      init,
      `Check the client key and API token (Sitecore CDP, Settings > API access) and that the region matches your tenant (requests went to ${URL.canParse(init.url) ? new URL(init.url).host : "an unknown host"})`,
    );
  }
}

export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}

export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}

export class ConflictError extends ApiError {
  override name = "ConflictError";
}

export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}

export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}

export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

const BY_STATUS: Record<number, new (init: ApiErrorInit) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The one place that maps an error answer to its class. */
export function createApiError(init: ApiErrorInit): ApiError {
  const ErrorClass = BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new ErrorClass(init);
}
