import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { basicAuthorization } from "./auth.js";
import { normalizeBaseUrl } from "./base-url.js";
import { type OrderClientOptions, resolveConfig } from "./config.js";
import { errorResult } from "./error-result.js";
import { CdpError, RequestError, RequestValidationError } from "./errors/index.js";
import { redactError, type Secrets, secretsOf } from "./errors/redact.js";
import { LightRequest } from "./transport/light-request.js";
import { toOutgoing } from "./transport/outgoing.js";
import { sentRequest } from "./transport/sent.js";
import {
  safeBodySerializer,
  safePathSerializer,
  safeQuerySerializer,
  UNNAMED_REQUEST,
} from "./transport/serializers.js";
import { createTransport, type TransportOptions } from "./transport/transport.js";
import type { Call, Send } from "./transport/types.js";
import { validateBeforeSending } from "./validation/lazy.js";

export type OrderClient = Client<paths, "application/json"> & {
  /** The base URL every request goes to, without a trailing slash. */
  readonly baseUrl: string;
};

const METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"] as const;

/** What a call may be given, as far as the client reads it; the rest goes to openapi-fetch as is. */
interface CallInit {
  params?: { path?: unknown; query?: unknown };
  body?: unknown;
  baseUrl?: string;
  parseAs?: string;
  /** A fetch for this call alone: it gets the client's transport too. */
  fetch?: (request: Request) => Promise<Response>;
  middleware?: Middleware[];
}

interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

interface Settings {
  validate: boolean;
  secrets: Secrets;
  /** The transport around the client's fetch, or around a call's own. */
  transportFor: (fetch: TransportOptions["fetch"]) => Send;
}

/** The fetch openapi-fetch is given for one call: the request it built goes through the transport. */
function fetchFor(send: Send, call: Call) {
  return (request: Request | LightRequest): Promise<Response> => {
    const outgoing = toOutgoing(request);
    const start = (ready: Awaited<typeof outgoing>) => {
      call.request = { method: ready.method, url: ready.url, operation: call.request.operation };
      call.body = ready.body;
      return send(ready, call);
    };
    return outgoing instanceof Promise ? outgoing.then(start) : start(outgoing);
  };
}

/**
 * Delegates each call to openapi-fetch through its documented options: the per-call `fetch`
 * (the transport, with this call's state), `Request` (a light one until middleware is
 * registered) and `parseAs`. It checks the request against the spec before anything is
 * sent, names the operation for errors, and completes an error answer's `error`.
 */
function orderClient(inner: Client<paths, "application/json">, baseUrl: string, settings: Settings): OrderClient {
  const { validate, secrets } = settings;
  const transport = settings.transportFor(undefined);
  let middlewareRegistered = false;

  async function call(method: string, path: string, init: CallInit | undefined): Promise<CallResult> {
    const operation = `${method} ${path}`;
    if (init?.body !== undefined && (method === "GET" || method === "HEAD")) {
      throw new RequestValidationError(operation, [
        { path: "body", rule: "noBody", message: `a ${method} request cannot carry a body` },
      ]);
    }
    if (validate) {
      await validateBeforeSending(operation, {
        path: init?.params?.path,
        query: init?.params?.query,
        body: init?.body,
      });
    }
    const state: Call = {
      request: { method, url: "", operation },
      body: undefined,
      deadlineAt: 0,
      attempt: 0,
      processed: false,
    };
    const send = init?.fetch ? settings.transportFor(init.fetch) : transport;
    // parseAs comes first, so the caller's own wins; the text stands for openapi-fetch's
    // default, and the data is the transport's parse of it.
    const options: Record<string, unknown> = { parseAs: "text", ...init, fetch: fetchFor(send, state) };
    options.parseAs ??= "text";
    // openapi-fetch fills a path template only when `params.path` is given; the path
    // serializer then refuses what is missing instead of sending `{orderRef}` as is.
    if (!init?.params?.path && path.includes("{")) options.params = { ...init?.params, path: {} };
    options.Request = middlewareRegistered || init?.middleware?.length ? Request : LightRequest;
    // A per-call baseUrl gets the client's own checks: the credentials go there too.
    if (init?.baseUrl !== undefined) options.baseUrl = normalizeBaseUrl(init.baseUrl);
    let result: CallResult;
    try {
      result = (await inner.request(method as "get", path as never, options as never)) as CallResult;
    } catch (error) {
      // A serializer's refusal gets the operation's name, which the serializer does not know.
      if (error instanceof RequestValidationError && error.operation === UNNAMED_REQUEST) {
        throw new RequestValidationError(operation, [...error.violations]);
      }
      // A custom fetch's own errors do not know the operation.
      if (error instanceof RequestError && error.operation === undefined) {
        Object.assign(error, { operation });
      }
      throw error instanceof CdpError ? redactError(error, secrets) : error;
    }
    const { response } = result;
    if (!response.ok) {
      // An answer middleware put in place of the transport's says nothing of where it went.
      const transported = state.request.url !== "";
      const request = { method, operation, url: transported ? state.request.url : response.url };
      const processed = state.processed ? sentRequest(state) : undefined;
      const init = { ...request, status: response.status, headers: response.headers, body: result.error, processed };
      result.error = errorResult(init, response, secrets);
    } else if (init?.parseAs === undefined && typeof result.data === "string") {
      // An answer middleware put in place of the transport's is parsed here, as openapi-fetch would.
      result.data =
        state.parsed?.response === response
          ? state.parsed.data
          : result.data === ""
            ? undefined
            : JSON.parse(result.data);
    }
    return result;
  }

  const client: Record<string, unknown> = {
    baseUrl,
    request: (method: string, path: string, init?: CallInit) => call(method.toUpperCase(), path, init),
    use(...middleware: Middleware[]) {
      inner.use(...middleware);
      middlewareRegistered = true;
    },
    eject: (...middleware: Middleware[]) => inner.eject(...middleware),
  };
  for (const method of METHODS) client[method] = (path: string, init?: CallInit) => call(method, path, init);
  return client as unknown as OrderClient;
}

/**
 * Creates a typed client for the Order REST API v2.1. Every request carries HTTP Basic
 * credentials, kept in openapi-fetch's closure (not in the client's options) so they cannot
 * be read back from the client object; requests are validated, timed and retried as configured.
 */
export function createOrderClient(options: OrderClientOptions = {}): OrderClient {
  const config = resolveConfig(options);
  const secrets = secretsOf(config.clientKey, config.apiToken);
  const transportOptions: TransportOptions = {
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    deadlineMs: options.deadlineMs,
    sleep: options.sleep,
    logger: options.logger,
    secrets,
  };
  const inner = createClient<paths, "application/json">({
    baseUrl: config.baseUrl,
    pathSerializer: safePathSerializer,
    querySerializer: safeQuerySerializer,
    bodySerializer: safeBodySerializer,
    headers: { Authorization: basicAuthorization(config.clientKey, config.apiToken), Accept: "application/json" },
  });
  return orderClient(inner, config.baseUrl, {
    validate: options.validateRequests !== false,
    secrets,
    transportFor: (fetch) => createTransport({ ...transportOptions, fetch: fetch ?? options.fetch }),
  });
}
