import {
  CdpError,
  ConnectionError,
  RedirectError,
  RequestAbortedError,
  ResponseParseError,
  TimeoutError,
  type RequestDescription,
  type SentRequest,
} from "../errors/index.js";
import { redactHeaders, report, type Logger } from "../logger.js";
import { classifyNetworkFailure } from "./failure.js";
import { outsideHttpStatus, parseSuccessBody } from "./json-body.js";
import { onAbort, untilAborted } from "./on-abort.js";
import { OutgoingRequest } from "./outgoing-request.js";
import { ReadResponse, UNPARSED } from "./read-response.js";
import { DEFAULT_RETRY, isIdempotent, parseRetryAfter, retryDelay, shouldRetry, type AttemptOutcome, type RetryOptions } from "./retry-policy.js";
import { sleep as defaultSleep } from "./sleep.js";

export interface TransportOptions {
  /** A custom fetch; without one the global fetch is called with a URL and init, saving a Request copy. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  retry?: Partial<RetryOptions>;
  /** Longest wait for one attempt, body included. */
  timeoutMs?: number;
  /** Longest wait for the whole call: every attempt and every backoff. */
  deadlineMs?: number;
  logger?: Logger | undefined;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
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
export function createResilientFetch(options: TransportOptions): (request: Request | OutgoingRequest) => Promise<Response> {
  const retry = { ...DEFAULT_RETRY };
  // A field given as undefined keeps its default (a spread would copy the undefined in).
  for (const [name, value] of Object.entries(options.retry ?? {})) if (value !== undefined) Object.assign(retry, { [name]: value });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const wait = options.sleep ?? defaultSleep;

  return async function resilientFetch(request: Request | OutgoingRequest): Promise<Response> {
    const { callerSignal, body, operation } = plainParts(request) ?? (await readParts(request));
    const described: RequestDescription = { method: request.method, url: request.url, operation };
    const deadlineAt = Date.now() + deadlineMs;

    for (let attempt = 1; ; attempt++) {
      // One controller per attempt, aborted by the caller's signal or by whichever comes
      // first of the attempt timeout and the overall deadline (cheaper than AbortSignal.any).
      const remaining = deadlineAt - Date.now();
      const endsAtDeadline = remaining <= timeoutMs;
      // Aborted before it started, the attempt sends nothing.
      const abortedAtStart = callerSignal?.aborted === true;
      const controller = new AbortController();
      let timedOut = false;
      const attemptTimer = setTimeout(() => {
        timedOut = true;
        controller.abort(new AttemptTimeout());
      }, Math.max(0, Math.min(timeoutMs, remaining)));
      const stopFollowingCaller = callerSignal ? onAbort(callerSignal, () => controller.abort(callerSignal.reason)) : undefined;
      let outcome: AttemptOutcome;
      let response: Response | undefined;
      let text: string | undefined;
      let failure: CdpError | undefined;
      // Set once a 303 answers a POST or PATCH: the server has processed it, so it is not repeated.
      const hops = { processed: false };
      try {
        if (options.logger) {
          report(options.logger, { type: "request", method: request.method, url: request.url, attempt, headers: redactHeaders(request.headers) });
        }
        response = await send(request.url, request, body, controller.signal);
        if (isRedirect(response.status)) response = await followSameOrigin(request, described, body, controller.signal, response, hops);
        // A custom fetch's answer may not stop reading when the signal aborts.
        text = await (options.fetch ? untilAborted(response.text(), controller.signal) : response.text());
        outcome = { kind: "status", status: response.status };
        // A success is never retried; the check skips the retry rules on the common path.
        if (response.ok || hops.processed || !shouldRetry(request.method, outcome) || attempt > retry.maxRetries) {
          return finish(response, text, described, body);
        }
      } catch (error) {
        // A custom fetch knows neither the operation nor, after a redirect, the request's URL.
        if (error instanceof ResponseParseError && error.operation === undefined && (error.status < 200 || error.status > 599)) {
          return fail(options.logger, outsideHttpStatus(error.status, described, error.contentType, error.bodyStart), request);
        }
        if (error instanceof CdpError) return fail(options.logger, error, request);
        if (callerSignal?.aborted) {
          // A POST or PATCH aborted once it may have gone out may have been processed.
          const unknown = !abortedAtStart && !isIdempotent(request.method);
          return fail(options.logger, abortedByCaller(described, callerSignal, unknown ? sentRequest(described, body) : undefined), request);
        }
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
        failure = new ErrorClass(summary, { request: sentRequest(described, body), attempts: attempt, outcomeUnknown: ambiguous, cause: error });
        if (deadlineReached || hops.processed || !shouldRetry(request.method, outcome) || attempt > retry.maxRetries) return fail(options.logger, failure, request);
      } finally {
        clearTimeout(attemptTimer);
        stopFollowingCaller?.();
      }

      const retryAfter = response ? parseRetryAfter(response.headers.get("retry-after")) : undefined;
      const delay = retryDelay(attempt, retry, retryAfter, options.random);
      // A wait the deadline would cut short, or a Retry-After past the cap, is giving up now.
      if (delay === undefined || delay >= deadlineAt - Date.now()) {
        return response ? finish(response, text, described, body) : fail(options.logger, failure!, request);
      }
      const reason = response ? `HTTP ${response.status}` : outcome.kind;
      report(options.logger, { type: "retry", method: request.method, url: request.url, attempt, delayMs: delay, reason });
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
  function send(url: string, request: Request | OutgoingRequest, body: Payload, signal: AbortSignal, method = request.method): Promise<Response> {
    const init: RequestInit = { method, headers: request.headers, body: body ?? null, signal, redirect: "manual" };
    if (!options.fetch) return globalThis.fetch(url, init);
    // An answer that comes after the abort is not read: its body is let go.
    return untilAborted(options.fetch(new Request(url, init)), signal, (late) => void late.body?.cancel().catch(() => undefined));
  }

  /** Follows a redirect answer, and those after it, only within the request's own origin. */
  async function followSameOrigin(
    request: Request | OutgoingRequest,
    described: RequestDescription,
    body: Payload,
    signal: AbortSignal,
    redirect: Response,
    hops: { processed: boolean },
  ): Promise<Response> {
    let response = redirect;
    let url = request.url;
    let method = request.method;
    let payload = body;
    for (let hop = 1; ; hop++) {
      const location = response.headers.get("location");
      if (!isRedirect(response.status) || location === null) return response;
      // A 303 says the request was processed, whether or not its Location is followed.
      // Idempotent methods may still be repeated as a whole.
      if (response.status === 303) hops.processed ||= !isIdempotent(request.method);
      // An error after that carries what was sent, so nobody sends it again unawares.
      const refuse = (location: string, reason: string) =>
        new RedirectError({ request: described, from: url, location, reason, processed: hops.processed ? sentRequest(described, body) : undefined });
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        await response.body?.cancel();
        throw refuse(location, "a Location that is not a URL");
      }
      if (next.origin !== new URL(request.url).origin) {
        await response.body?.cancel();
        throw refuse(next.href, `a redirect to another origin (${next.origin}); not followed, so the credentials stay put`);
      }
      if (hop > MAX_REDIRECTS) throw refuse(next.href, `more than ${MAX_REDIRECTS} redirects`);
      await response.body?.cancel();
      if (response.status === 303) {
        method = "GET";
        payload = undefined;
      }
      url = next.href;
      response = await send(url, request, payload, signal, method);
    }
  }

  /** The answer as returned: `text` is its body as read, `payload` what was sent. */
  function finish(response: Response, text: string | undefined, described: RequestDescription, payload: Payload): Response {
    if (response.status > 599) {
      throw outsideHttpStatus(response.status, described, response.headers.get("content-type"), text ?? "");
    }
    // 204, 205 and any answer to HEAD carry no body by definition.
    const ok = response.status >= 200 && response.status < 300 && response.status !== 204 && response.status !== 205 && described.method !== "HEAD";
    // An unreadable success of a request that must not be repeated keeps what was sent.
    const processed = ok && !isIdempotent(described.method) ? sentRequest(described, payload) : undefined;
    // A success without a body (204, 205, HEAD) reads as nothing, whatever Content-Length says.
    const parsed = ok ? parseSuccessBody(response.status, described, response.headers, text ?? "", processed) : response.ok ? undefined : UNPARSED;
    return new ReadResponse(response, text ?? "", parsed, described);
  }
}

type Payload = string | ArrayBuffer | undefined;

// Module functions rather than closures made per call: they run only when a call fails.

function fail(logger: Logger | undefined, error: CdpError, request: { method: string; url: string }): never {
  report(logger, { type: "error", method: request.method, url: request.url, error: { name: error.name, message: error.message } });
  throw error;
}

function abortedByCaller(request: RequestDescription, callerSignal: AbortSignal, sent?: SentRequest): RequestAbortedError {
  return new RequestAbortedError(`${request.method} ${request.url} was aborted by the caller.`, { cause: callerSignal.reason, request, sent });
}

/** What was sent, for an error to carry; the body decoded only then. */
function sentRequest(described: RequestDescription, body: Payload): SentRequest {
  return { ...described, body: typeof body === "string" || body === undefined ? body : new TextDecoder().decode(body) };
}

interface RequestParts {
  callerSignal: AbortSignal | undefined;
  body: Payload;
  operation: string | undefined;
}

/** The parts of openapi-fetch's request with a string body or none, which need no reading. */
function plainParts(request: Request | OutgoingRequest): RequestParts | undefined {
  if (!(request instanceof OutgoingRequest)) return undefined;
  const { body } = request;
  return typeof body === "string" || body === undefined ? { callerSignal: request.signal, body, operation: request.operation } : undefined;
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
    return { callerSignal: request.signal, body: await encoded.arrayBuffer(), operation };
  }
  return { callerSignal: request.signal, body: request.body === null ? undefined : await request.arrayBuffer(), operation };
}
