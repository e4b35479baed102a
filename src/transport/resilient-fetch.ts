import {
  CdpError,
  ConfigurationError,
  ConnectionError,
  RedirectError,
  RequestAbortedError,
  ResponseParseError,
  TimeoutError,
  type RequestDescription,
  type SentRequest,
} from "../errors/index.js";
import { redactHeaders, report, type Logger } from "../logger.js";
import { classifyNetworkFailure, factsOf } from "./failure.js";
import { decodeBody, outsideHttpStatus, parseSuccessBody, type DecodedBody } from "./json-body.js";
import { onAbort, untilAborted } from "./on-abort.js";
import { OutgoingRequest } from "./outgoing-request.js";
import { ReadResponse, UNPARSED, type AnsweredRequest } from "./read-response.js";
import {
  DEFAULT_RETRY,
  isIdempotent,
  parseRetryAfter,
  retryDelay,
  shouldRetry,
  type AttemptOutcome,
  type RetryOverrides,
} from "./retry-policy.js";
import { sleep as defaultSleep } from "./sleep.js";

export interface TransportOptions {
  /** A custom fetch; without one the global fetch is called with a URL and init, saving a Request copy. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  retry?: RetryOverrides | undefined;
  /** Longest wait for one attempt, body included. */
  timeoutMs?: number;
  /** Longest wait for the whole call: every attempt and every backoff. */
  deadlineMs?: number;
  logger?: Logger | undefined;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  /**
   * Waits for the request's turn before each attempt (the command's rate gate), and returns
   * what to call with the attempt's answer. The wait counts toward neither the attempt's
   * timeout nor the deadline.
   */
  admit?: ((signal: AbortSignal | undefined) => Promise<(response: Response | undefined) => void>) | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_DEADLINE_MS = 60_000;
const MAX_REDIRECTS = 5;

class AttemptTimeout extends Error {}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/**
 * A `fetch` for openapi-fetch that adds per-attempt timeouts, an overall deadline, safe
 * retries, same-origin-only redirects and a JSON check of success bodies. Each attempt
 * sends a fresh copy of the request, built from the body read once up front.
 */
export function createResilientFetch(
  options: TransportOptions,
): (request: Request | OutgoingRequest) => Promise<Response> {
  const retry = { ...DEFAULT_RETRY };
  // A field given as undefined keeps its default (a spread would copy the undefined in).
  for (const [name, value] of Object.entries(options.retry ?? {}))
    if (value !== undefined) Object.assign(retry, { [name]: value });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const wait = options.sleep ?? defaultSleep;

  return async function resilientFetch(request: Request | OutgoingRequest): Promise<Response> {
    const parts = plainParts(request) ?? (await readParts(request));
    const { callerSignal, body, operation } = parts;
    const described: RequestDescription = { method: request.method, url: request.url, operation };
    // An option fetch refuses would fail every attempt before anything is sent. (A standard
    // Request, which middleware gets, was checked when it was built.)
    const refused =
      request instanceof OutgoingRequest && parts.options
        ? refusedOptions(request.url, { ...parts.options, method: request.method })
        : undefined;
    if (refused !== undefined)
      return fail(
        options.logger,
        new ConfigurationError(
          `${request.method} ${request.url} was not sent: fetch refuses its options (${refused}).`,
        ),
        request,
      );
    let deadlineAt = Date.now() + deadlineMs;

    for (let attempt = 1; ; attempt++) {
      let admitted: ((response: Response | undefined) => void) | undefined;
      if (options.admit) {
        const queuedAt = Date.now();
        // A wait the caller ends is an abort before the attempt, handled just below.
        admitted = await options.admit(callerSignal).catch((error: unknown) => {
          if (!callerSignal?.aborted) throw error;
          return undefined;
        });
        deadlineAt += Date.now() - queuedAt;
      }
      // Aborted before it starts (before, or while waiting for, its turn or a retry), the
      // attempt is not made: a custom fetch might not honour an aborted signal.
      if (callerSignal?.aborted) {
        admitted?.(undefined);
        return fail(options.logger, abortedByCaller(described, callerSignal), request);
      }
      // One controller per attempt, aborted by the caller's signal or by whichever comes
      // first of the attempt timeout and the overall deadline (cheaper than AbortSignal.any).
      const remaining = deadlineAt - Date.now();
      const endsAtDeadline = remaining <= timeoutMs;
      const controller = new AbortController();
      let timedOut = false;
      const attemptTimer = setTimeout(
        () => {
          timedOut = true;
          controller.abort(new AttemptTimeout());
        },
        Math.max(0, Math.min(timeoutMs, remaining)),
      );
      const stopFollowingCaller = callerSignal
        ? onAbort(callerSignal, () => controller.abort(callerSignal.reason))
        : undefined;
      let outcome: AttemptOutcome;
      let response: Response | undefined;
      let read: DecodedBody | undefined;
      let failure: CdpError | undefined;
      // Set once a 303 answers a POST or PATCH: the server has processed it, so it is not repeated.
      const hops = { processed: false };
      try {
        if (options.logger) {
          report(options.logger, {
            type: "request",
            method: request.method,
            url: request.url,
            attempt,
            headers: redactHeaders(request.headers),
          });
        }
        response = await send(request.url, request, parts, body, controller.signal);
        if (isRedirect(response.status))
          response = await followSameOrigin(request, described, parts, controller.signal, response, hops);
        // A custom fetch's answer may not stop reading when the signal aborts.
        read = decodeBody(
          await (options.fetch ? untilAborted(response.arrayBuffer(), controller.signal) : response.arrayBuffer()),
        );
        outcome = { kind: "status", status: response.status };
        // A success is never retried; the check skips the retry rules on the common path.
        if (hops.processed)
          return finish(response, read, { ...described, processed: sentRequest(described, body) }, body);
        if (response.ok || !shouldRetry(request.method, outcome) || attempt > retry.maxRetries) {
          return finish(response, read, described, body);
        }
      } catch (error) {
        // The caller's abort wins over what it interrupted, even when its reason is one of ours.
        if (callerSignal?.aborted && (error === callerSignal.reason || !(error instanceof CdpError))) {
          // A POST or PATCH aborted once it may have gone out may have been processed.
          const unknown = !isIdempotent(request.method);
          return fail(
            options.logger,
            abortedByCaller(described, callerSignal, unknown ? sentRequest(described, body) : undefined),
            request,
          );
        }
        // A custom fetch knows neither the operation nor, after a redirect, the request's URL.
        if (
          error instanceof ResponseParseError &&
          error.operation === undefined &&
          (error.status < 200 || error.status > 599)
        ) {
          return fail(
            options.logger,
            outsideHttpStatus(error.status, described, error.contentType, error.bodyStart),
            request,
          );
        }
        if (error instanceof CdpError) return fail(options.logger, error, request);
        const deadlineReached = timedOut && endsAtDeadline;
        outcome = timedOut ? { kind: "timeout" } : { kind: classifyNetworkFailure(error) };
        const ambiguous = hops.processed || (outcome.kind !== "refused" && !isIdempotent(request.method));
        const ErrorClass = timedOut ? TimeoutError : ConnectionError;
        const summary = deadlineReached
          ? `did not finish within the ${deadlineMs} ms deadline`
          : timedOut
            ? `got no complete answer within the ${timeoutMs} ms attempt timeout`
            : outcome.kind === "refused"
              ? "could not connect"
              : "lost its connection before a complete answer";
        // A custom fetch's error may hold its Request, credentials included: only its facts are kept.
        const cause = options.fetch ? factsOf(error) : error;
        failure = new ErrorClass(summary, {
          request: sentRequest(described, body),
          attempts: attempt,
          outcomeUnknown: ambiguous,
          cause,
        });
        if (deadlineReached || hops.processed || !shouldRetry(request.method, outcome) || attempt > retry.maxRetries)
          return fail(options.logger, failure, request);
      } finally {
        clearTimeout(attemptTimer);
        stopFollowingCaller?.();
        admitted?.(response);
      }

      // An answer whose body could not be read is the failure it met: neither an empty body
      // nor a Retry-After to wait for.
      const answered = response && read ? response : undefined;
      const retryAfter = answered ? parseRetryAfter(answered.headers.get("retry-after")) : undefined;
      const delay = retryDelay(attempt, retry, retryAfter, options.random);
      // A wait the deadline would cut short, or a Retry-After past the cap, is giving up now.
      if (delay === undefined || delay >= deadlineAt - Date.now()) {
        return answered && read ? finish(answered, read, described, body) : fail(options.logger, failure!, request);
      }
      const reason = answered ? `HTTP ${answered.status}` : outcome.kind;
      report(options.logger, {
        type: "retry",
        method: request.method,
        url: request.url,
        attempt,
        delayMs: delay,
        reason,
      });
      try {
        // The deadline cannot fall inside this wait (checked above); only the caller can end it.
        await wait(delay, callerSignal ?? new AbortController().signal);
      } catch (error) {
        // Between attempts the last one's outcome is known: it was worth retrying.
        if (callerSignal?.aborted) return fail(options.logger, abortedByCaller(described, callerSignal), request);
        throw error;
      }
    }
  };

  /**
   * One hop: the global fetch gets the URL and init (no Request copy); a custom fetch gets a
   * Request, and is not waited for past the signal, which it may ignore.
   */
  function send(
    url: string,
    request: Request | OutgoingRequest,
    parts: RequestParts,
    body: Payload,
    signal: AbortSignal,
    method = request.method,
  ): Promise<Response> {
    const set: RequestInit = { method, headers: request.headers, body: body ?? null, signal, redirect: "manual" };
    // Most calls have no options of their own: no copy of them then.
    const init = parts.options ? { ...parts.options, ...set } : set;
    if (!options.fetch) return globalThis.fetch(url, init);
    // An answer that comes after the abort is not read: its body is let go.
    return untilAborted(
      options.fetch(new Request(url, init)),
      signal,
      (late) => void late.body?.cancel().catch(() => undefined),
    );
  }

  /** Follows a redirect answer, and those after it, only within the request's own origin. */
  async function followSameOrigin(
    request: Request | OutgoingRequest,
    described: RequestDescription,
    parts: RequestParts,
    signal: AbortSignal,
    redirect: Response,
    hops: { processed: boolean },
  ): Promise<Response> {
    let response = redirect;
    let url = request.url;
    const { body } = parts;
    let method = request.method;
    let payload = body;
    for (let hop = 1; ; hop++) {
      if (!isRedirect(response.status)) return response;
      const location = response.headers.get("location");
      // A 303 says the request was processed, whether or not its Location is followed.
      // Idempotent methods may still be repeated as a whole.
      if (response.status === 303) hops.processed ||= !isIdempotent(request.method);
      // Browsers turn a POST answered 301 or 302 into a GET, as if it had been processed;
      // servers mean either. Neither repeating it nor dropping it is safe.
      const unsure = (response.status === 301 || response.status === 302) && !isIdempotent(method);
      // Without a Location the answer is returned as it is, unless it says more than its status.
      if (location === null && !hops.processed && !unsure) return response;
      await response.body?.cancel();
      // An error after either carries what was sent, so nobody sends it again unawares.
      const refuse = (location: string, reason: string) =>
        new RedirectError({
          request: described,
          from: url,
          location,
          reason,
          sent: hops.processed || unsure ? sentRequest(described, body) : undefined,
          processed: hops.processed,
        });
      if (location === null) throw refuse("", `a ${response.status} without a Location`);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw refuse(location, "a Location that is not a URL");
      }
      if (next.origin !== new URL(request.url).origin) {
        throw refuse(
          next.href,
          `a redirect to another origin (${next.origin}); not followed, so the credentials stay put`,
        );
      }
      // fetch cannot send to a URL with a user name or password in it.
      if (next.username !== "" || next.password !== "")
        throw refuse(location, "a Location with a user name or password in it");
      if (hop > MAX_REDIRECTS) throw refuse(next.href, `more than ${MAX_REDIRECTS} redirects`);
      if (unsure)
        throw refuse(next.href, `${response.status} to a ${method}, not followed: whether it was processed is unknown`);
      if (response.status === 303) {
        method = "GET";
        payload = undefined;
      }
      url = next.href;
      response = await send(url, request, parts, payload, signal, method);
    }
  }

  /** The answer as returned: `read` is its body as read, `payload` what was sent. */
  function finish(response: Response, read: DecodedBody, described: AnsweredRequest, payload: Payload): Response {
    const { text } = read;
    if (response.status > 599) {
      throw outsideHttpStatus(response.status, described, response.headers.get("content-type"), text);
    }
    // 204, 205 and any answer to HEAD carry no body by definition; a DELETE answers with none
    // (whitespace alone is none, as it is to the JSON check).
    const bodiless =
      response.status === 204 ||
      response.status === 205 ||
      described.method === "HEAD" ||
      (described.method === "DELETE" && text.trim() === "");
    const carriesJson = response.status >= 200 && response.status < 300 && !bodiless;
    // An unreadable success of a request that must not be repeated keeps what was sent.
    const processed = carriesJson && !isIdempotent(described.method) ? sentRequest(described, payload) : undefined;
    // A success without a body reads as nothing, whatever Content-Length says.
    const parsed = carriesJson
      ? parseSuccessBody(response.status, described, response.headers, read, processed)
      : response.ok
        ? undefined
        : UNPARSED;
    return new ReadResponse(response, text, parsed, described);
  }
}

type Payload = string | ArrayBuffer | undefined;

// Module functions rather than closures made per call: they run only when a call fails.

function fail(logger: Logger | undefined, error: CdpError, request: { method: string; url: string }): never {
  const { method, url } = request;
  report(
    logger,
    error instanceof RequestAbortedError
      ? { type: "aborted", method, url }
      : { type: "error", method, url, error: { name: error.name, message: error.message } },
  );
  throw error;
}

function abortedByCaller(
  request: RequestDescription,
  callerSignal: AbortSignal,
  sent?: SentRequest,
): RequestAbortedError {
  return new RequestAbortedError(`${request.method} ${request.url} was aborted by the caller.`, {
    cause: callerSignal.reason,
    request,
    sent,
  });
}

/** What was sent, for an error to carry; the body decoded only then. */
function sentRequest(described: RequestDescription, body: Payload): SentRequest {
  const { method, url, operation } = described;
  return {
    method,
    url,
    operation,
    body: typeof body === "string" || body === undefined ? body : new TextDecoder().decode(body),
  };
}

interface RequestParts {
  callerSignal: AbortSignal | undefined;
  body: Payload;
  operation: string | undefined;
  /** What else fetch is given, when there is anything: the call's options (`cache`, `keepalive`, a framework's own). */
  options: RequestInit | undefined;
}

/** What each attempt sets itself; any other option is the call's own. */
const SET_BY_ATTEMPT = new Set(["method", "headers", "body", "signal", "redirect", "operation"]);

/** The options of a call besides those each attempt sets, or undefined when it has none. */
function ownOptions(init: RequestInit): RequestInit | undefined {
  const own: Record<string, unknown> = {};
  let any = false;
  for (const key in init) {
    if (SET_BY_ATTEMPT.has(key)) continue;
    own[key] = (init as Record<string, unknown>)[key];
    any = true;
  }
  return any ? own : undefined;
}

/** Why fetch would refuse the call's own options (`cache: "only-if-cached"` alone, …), if it would. */
function refusedOptions(url: string, options: RequestInit): string | undefined {
  try {
    new Request(url, options);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The options a standard Request carries besides those each attempt sets. */
const REQUEST_OPTIONS = [
  "cache",
  "credentials",
  "integrity",
  "keepalive",
  "mode",
  "referrer",
  "referrerPolicy",
] as const;

/** A Request's options, and those openapi-fetch put on it as properties (a framework's own, such as `next`). */
function optionsOf(request: Request | OutgoingRequest): RequestInit | undefined {
  if (request instanceof OutgoingRequest) return ownOptions(request.init);
  // Own string keys only: undici keeps its internals under symbols.
  const options: Record<string, unknown> = {};
  for (const key of Object.keys(request)) options[key] = (request as unknown as Record<string, unknown>)[key];
  for (const key of REQUEST_OPTIONS) if (request[key] !== undefined) options[key] = request[key];
  return options;
}

/** The parts of openapi-fetch's request with a string body or none, which need no reading. */
function plainParts(request: Request | OutgoingRequest): RequestParts | undefined {
  if (!(request instanceof OutgoingRequest)) return undefined;
  const { body } = request;
  return typeof body === "string" || body === undefined
    ? { callerSignal: request.signal, body, operation: request.operation, options: ownOptions(request.init) }
    : undefined;
}

/** The parts of any other request, its body read once. */
async function readParts(request: Request | OutgoingRequest): Promise<RequestParts> {
  const { operation } = request as { operation?: string };
  if (request instanceof OutgoingRequest) {
    // A custom bodySerializer's FormData, Blob, …: the type it implies, multipart boundary
    // included, goes along unless one was set.
    const encoded = new Response(request.body);
    const type = encoded.headers.get("content-type");
    if (type !== null && !request.headers.has("content-type")) request.headers.set("content-type", type);
    return { callerSignal: request.signal, body: await encoded.arrayBuffer(), operation, options: optionsOf(request) };
  }
  return {
    callerSignal: request.signal,
    body: request.body === null ? undefined : await request.arrayBuffer(),
    operation,
    options: optionsOf(request),
  };
}
