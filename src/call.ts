// One call of the client, in the steps around openapi-fetch: checked before anything is sent,
// handed to openapi-fetch with the options that route it through the transport, and its
// result finished (the data parsed once, an error answer's `error` completed).
import { normalizeBaseUrl } from "./base-url.js";
import { errorResult } from "./error-result.js";
import { CdpError, RequestError, RequestValidationError } from "./errors/index.js";
import { redactError, type Secrets } from "./errors/redact.js";
import { LightRequest } from "./transport/light-request.js";
import { toOutgoing } from "./transport/outgoing.js";
import { sentRequest } from "./transport/sent.js";
import { UNNAMED_REQUEST } from "./transport/serializers.js";
import type { Call, Send } from "./transport/types.js";
import { validateBeforeSending } from "./validation/lazy.js";

/** What a call may be given, as far as the client reads it; the rest goes to openapi-fetch as is. */
export interface CallInit {
  params?: { path?: unknown; query?: unknown };
  body?: unknown;
  baseUrl?: string;
  parseAs?: string;
  /** A fetch for this call alone: it gets the client's transport too. */
  fetch?: (request: Request) => Promise<Response>;
  middleware?: unknown[];
}

export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** A fresh state for one call of `operation`. */
export function newCall(method: string, operation: string): Call {
  return { request: { method, url: "", operation }, body: undefined, deadlineAt: 0, attempt: 0, processed: false };
}

/**
 * Refuses, before anything is sent, a body on a GET or HEAD and, when asked, a request the
 * spec does not allow. A promise only while the validators load.
 */
export function checkBeforeSending(
  call: Call,
  init: CallInit | undefined,
  validate: boolean,
): Promise<void> | undefined {
  const { method, operation = "" } = call.request;
  if (init?.body !== undefined && (method === "GET" || method === "HEAD")) {
    const message = `a ${method} request cannot carry a body`;
    throw new RequestValidationError(operation, [{ path: "body", rule: "noBody", message }]);
  }
  if (!validate) return undefined;
  const { params, body } = init ?? {};
  return validateBeforeSending(operation, { path: params?.path, query: params?.query, body });
}

/** The fetch openapi-fetch is given for one call: the request it built goes through the transport. */
function fetchFor(send: Send, call: Call) {
  return (request: Request | LightRequest): Promise<Response> => {
    const outgoing = toOutgoing(request);
    const start = (ready: Awaited<typeof outgoing>) => {
      call.request = { ...call.request, url: ready.url };
      call.body = ready.body;
      return send(ready, call);
    };
    return outgoing instanceof Promise ? outgoing.then(start) : start(outgoing);
  };
}

/**
 * openapi-fetch's options for one call: the transport as its `fetch`, a light `Request` until
 * middleware needs a standard one, and the body as text, which the transport has parsed.
 */
export function callOptions(path: string, init: CallInit | undefined, send: Send, call: Call, middleware: boolean) {
  // It runs on every call: the common fields go in the one literal. parseAs comes first, so
  // the caller's own wins; given as undefined, it is openapi-fetch's default, read as text.
  const options: Record<string, unknown> = { parseAs: "text", ...init, fetch: fetchFor(send, call) };
  options.parseAs ??= "text";
  // openapi-fetch fills a path template only when `params.path` is given; the path
  // serializer then refuses what is missing instead of sending `{orderRef}` as is.
  if (!init?.params?.path && path.includes("{")) options.params = { ...init?.params, path: {} };
  options.Request = middleware || init?.middleware?.length ? Request : LightRequest;
  // A per-call baseUrl gets the client's own checks: the credentials go there too.
  if (init?.baseUrl !== undefined) options.baseUrl = normalizeBaseUrl(init.baseUrl);
  return options;
}

/** What a call throws: named for its operation, and scrubbed of credentials a server echoed. */
export function callError(error: unknown, call: Call, secrets: Secrets): unknown {
  const operation = call.request.operation ?? "";
  // A serializer's refusal gets the operation's name, which the serializer does not know.
  if (error instanceof RequestValidationError && error.operation === UNNAMED_REQUEST) {
    return new RequestValidationError(operation, [...error.violations]);
  }
  // A custom fetch's own errors do not know the operation either.
  if (error instanceof RequestError && error.operation === undefined) Object.assign(error, { operation });
  return error instanceof CdpError ? redactError(error, secrets) : error;
}

/** The result as the caller gets it: the data parsed once, an error answer's `error` complete. */
export function finishResult(result: CallResult, call: Call, init: CallInit | undefined, secrets: Secrets): CallResult {
  const { response } = result;
  if (!response.ok) {
    // An answer middleware put in place of the transport's says nothing of where it went.
    const url = call.request.url === "" ? response.url : call.request.url;
    const processed = call.processed ? sentRequest(call) : undefined;
    const answer = { status: response.status, headers: response.headers, body: result.error, processed };
    result.error = errorResult({ ...call.request, url, ...answer }, response, secrets);
  } else if (init?.parseAs === undefined && typeof result.data === "string") {
    // An answer middleware put in place of the transport's is parsed here, as openapi-fetch would.
    const parsed = call.parsed?.response === response ? call.parsed : undefined;
    result.data = parsed ? parsed.data : result.data === "" ? undefined : JSON.parse(result.data);
  }
  return result;
}
