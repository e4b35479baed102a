import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { basicAuthorization } from "./auth.js";
import { normalizeBaseUrl } from "./base-url.js";
import { resolveConfig, type OrderClientOptions } from "./config.js";
import { withErrorBody } from "./error-body.js";
import { RequestValidationError } from "./errors/index.js";
import { OutgoingRequest, type OutgoingInit } from "./transport/outgoing-request.js";
import { ReadResponse, UNPARSED } from "./transport/read-response.js";
import { createResilientFetch, type TransportOptions } from "./transport/resilient-fetch.js";
import {
  safeBodySerializer,
  safePathSerializer,
  safeQuerySerializer,
  UNNAMED_REQUEST,
} from "./transport/serializers.js";
import { validateBeforeSending } from "./validation/lazy.js";

export type OrderClient = Client<paths, "application/json"> & {
  /** The base URL every request goes to, without a trailing slash. */
  readonly baseUrl: string;
};

const METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"] as const;

interface CallInit extends Pick<OutgoingInit, "operation"> {
  params?: { path?: unknown; query?: unknown };
  body?: unknown;
  baseUrl?: string;
  Request?: typeof Request;
  parseAs?: string;
  /** A fetch for this call alone (an openapi-fetch option): it gets the client's transport too. */
  fetch?: TransportOptions["fetch"];
  /** Middleware for this call alone (an openapi-fetch option), run after the client's. */
  middleware?: Middleware[];
}

type Send = (method: string, path: string, init?: CallInit) => Promise<unknown>;

interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * A success's data from the transport's parse. openapi-fetch parses a body sent without
 * Content-Length (chunked) again from its text, so calls ask it for the text; an answer
 * that middleware put in place of the transport's is parsed here, as openapi-fetch would.
 */
function withParsedData(result: CallResult): CallResult {
  if (typeof result.data !== "string") return result;
  const parsed = ReadResponse.parsedOf(result.response);
  result.data = parsed !== UNPARSED ? parsed : result.data === "" ? undefined : JSON.parse(result.data);
  return result;
}

/**
 * Registered ahead of the caller's middleware, so it sees each answer last: one that
 * middleware put in place of the transport's still says what was sent, for `unwrap`.
 */
const describeReplacedAnswers: Middleware = {
  onResponse({ request, response, schemaPath }) {
    ReadResponse.describe(response, {
      method: request.method,
      url: request.url,
      operation: `${request.method} ${schemaPath}`,
    });
    return undefined;
  },
};

/**
 * Registered after the caller's middleware, so it sees the Request that goes out: one that
 * middleware built anew lacks the operation's name openapi-fetch put on its own, which the
 * transport's errors and answers carry.
 */
const nameReplacedRequests: Middleware = {
  onRequest({ request, schemaPath }) {
    if (!("operation" in request)) Object.assign(request, { operation: `${request.method} ${schemaPath}` });
    return undefined;
  },
};

/**
 * Routes every call (the method shortcuts and `request()`) through one place that names its
 * operation (`METHOD /path/template`) for the errors it may raise and, when asked, checks
 * its path, query and body against the spec before anything is sent. Once middleware is
 * registered (or given to a call), calls build standard Requests, which middleware expects.
 */
function wrapMethods(
  client: Client<paths, "application/json">,
  validate: boolean,
  transportWith: (fetch: TransportOptions["fetch"]) => TransportOptions["fetch"],
): void {
  let middlewareRegistered = false;
  const use = client.use;
  client.use = (...middleware) => {
    if (middlewareRegistered) client.eject(nameReplacedRequests);
    else use(describeReplacedAnswers);
    middlewareRegistered = true;
    use(...middleware, nameReplacedRequests);
  };
  const send = client.request as unknown as Send;
  const withMiddleware = (init: CallInit | undefined) => middlewareRegistered || Boolean(init?.middleware?.length);
  // It runs on every call: the common fields go in the one literal, since a property added
  // after a spread costs microseconds (V8 leaves the fast shape). parseAs comes first, so
  // the caller's own wins.
  const prepared = (operation: string, path: string, init: CallInit | undefined): CallInit => {
    const options: CallInit = { parseAs: "text", ...init, operation };
    // A parseAs given as undefined is openapi-fetch's default, which the text stands for.
    options.parseAs ??= "text";
    // openapi-fetch fills a path template only when `params.path` is given; the path
    // serializer then refuses what is missing instead of sending `{orderRef}` as is.
    if (!init?.params?.path && path.includes("{")) options.params = { ...init?.params, path: {} };
    if (init?.middleware?.length) {
      // The call's own middleware is run after the client's: it gets the same bookends.
      options.middleware = [
        ...(middlewareRegistered ? [] : [describeReplacedAnswers]),
        ...init.middleware,
        nameReplacedRequests,
      ];
    }
    if (withMiddleware(init)) options.Request = Request;
    // Timeouts, retries and the redirect rules hold for a call's own fetch as well.
    if (init?.fetch) options.fetch = transportWith(init.fetch);
    return options;
  };
  const named: Send = (method, path, init) => {
    const operation = `${method} ${path}`;
    if (init?.body !== undefined && (method === "GET" || method === "HEAD")) {
      return Promise.reject(
        new RequestValidationError(operation, [
          { path: "body", rule: "noBody", message: `a ${method} request cannot carry a body` },
        ]),
      );
    }
    // A per-call baseUrl gets the client's own checks: the credentials go there too.
    const sent =
      init?.baseUrl === undefined
        ? send(method, path, prepared(operation, path, init))
        : Promise.resolve(init.baseUrl)
            .then(normalizeBaseUrl)
            .then((baseUrl) => send(method, path, { ...prepared(operation, path, init), baseUrl }));
    // The caller's own parseAs is theirs: it is left as openapi-fetch reads it. A serializer's
    // refusal gets the operation's name, which the serializer does not know.
    const ownParse = init?.parseAs !== undefined;
    const parsed = sent.then(
      (result) => withErrorBody(ownParse ? (result as CallResult) : withParsedData(result as CallResult)),
      (error: unknown) => {
        throw error instanceof RequestValidationError && error.operation === UNNAMED_REQUEST
          ? new RequestValidationError(operation, [...error.violations])
          : error;
      },
    );
    if (!withMiddleware(init)) return parsed;
    // An answer that onRequest middleware returned skips every onResponse: described here.
    return parsed.then((result) => {
      const { response } = result as CallResult;
      ReadResponse.describe(response, { method, url: response.url, operation });
      return result;
    });
  };
  const checked: Send = async (method, path, init) => {
    await validateBeforeSending(`${method} ${path}`, {
      path: init?.params?.path,
      query: init?.params?.query,
      body: init?.body,
    });
    return named(method, path, init);
  };
  const call = validate ? checked : named;
  for (const method of METHODS)
    Object.assign(client, { [method]: (path: string, init?: CallInit) => call(method, path, init) });
  Object.assign(client, {
    request: (method: string, path: string, init?: CallInit) => call(method.toUpperCase(), path, init),
  });
}

/**
 * Creates a typed client for the Order REST API v2.1. Every request carries HTTP Basic
 * credentials, kept in a closure (not in the client's options) so they cannot be read
 * back from the client object; requests are validated, timed and retried as configured.
 */
export function createOrderClient(options: OrderClientOptions = {}): OrderClient {
  return createAdmittingOrderClient(options, undefined);
}

/** `createOrderClient` whose every attempt first waits for its turn: for the package's command and its rate gate. */
export function createAdmittingOrderClient(options: OrderClientOptions, admit: TransportOptions["admit"]): OrderClient {
  const config = resolveConfig(options);
  const transportOptions: TransportOptions = {
    fetch: options.fetch,
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
    ...(options.sleep !== undefined ? { sleep: options.sleep } : {}),
    logger: options.logger,
    admit,
  };
  const transport = createResilientFetch(transportOptions);
  const client = createClient<paths, "application/json">({
    baseUrl: config.baseUrl,
    fetch: transport,
    Request: OutgoingRequest as unknown as typeof Request,
    pathSerializer: safePathSerializer,
    querySerializer: safeQuerySerializer,
    bodySerializer: safeBodySerializer,
    // Kept in openapi-fetch's closure: not readable back from the client or its middleware options.
    headers: { Authorization: basicAuthorization(config.clientKey, config.apiToken), Accept: "application/json" },
  });
  wrapMethods(
    client,
    options.validateRequests !== false,
    (fetch) => createResilientFetch({ ...transportOptions, fetch }) as TransportOptions["fetch"],
  );
  return Object.assign(client, { baseUrl: config.baseUrl });
}
