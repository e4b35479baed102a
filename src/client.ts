import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { basicAuthorization } from "./auth.js";
import {
  type CallInit,
  type CallResult,
  callError,
  callOptions,
  checkBeforeSending,
  finishResult,
  newCall,
} from "./call.js";
import { type OrderClientOptions, resolveConfig } from "./config.js";
import { type Secrets, secretsOf } from "./errors/redact.js";
import { type AnswerCheck, answerCheck } from "./response-check.js";
import { safeBodySerializer, safePathSerializer, safeQuerySerializer } from "./transport/serializers.js";
import { createTransport, type TransportOptions } from "./transport/transport.js";
import type { Send } from "./transport/types.js";

export type OrderClient = Client<paths, "application/json"> & {
  /** The base URL every request goes to, without a trailing slash. */
  readonly baseUrl: string;
};

const METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"] as const;

interface Settings {
  validate: boolean;
  checkAnswer: AnswerCheck | undefined;
  secrets: Secrets;
  /** The transport around the client's fetch, or around a call's own. */
  transportFor: (fetch: TransportOptions["fetch"]) => Send;
}

/**
 * Our client: an object that delegates each call to openapi-fetch's, through its documented
 * options (see `call.ts`), and passes middleware on to it. Once middleware is registered,
 * calls build standard Requests, which middleware expects.
 */
function orderClient(inner: Client<paths, "application/json">, baseUrl: string, settings: Settings): OrderClient {
  const { validate, secrets } = settings;
  const transport = settings.transportFor(undefined);
  let middlewareRegistered = false;

  async function send(method: string, path: string, init: CallInit | undefined): Promise<CallResult> {
    const call = newCall(method, `${method} ${path}`);
    const loading = checkBeforeSending(call, init, validate);
    if (loading) await loading;
    const through = init?.fetch ? settings.transportFor(init.fetch) : transport;
    const options = callOptions(path, init, through, call, middlewareRegistered);
    let result: CallResult;
    try {
      result = (await inner.request(method as "get", path as never, options as never)) as CallResult;
    } catch (error) {
      throw callError(error, call, secrets);
    }
    const read = result.error;
    finishResult(result, call, init, secrets);
    // A caller's own parseAs leaves the body unparsed: nothing to check.
    if (settings.checkAnswer && init?.parseAs === undefined) {
      const { response } = result;
      await settings.checkAnswer(call, response, response.ok ? result.data : read === "" ? undefined : read);
    }
    return result;
  }

  const client: Record<string, unknown> = {
    baseUrl,
    request: (method: string, path: string, init?: CallInit) => send(method.toUpperCase(), path, init),
    use(...middleware: Middleware[]) {
      inner.use(...middleware);
      middlewareRegistered = true;
    },
    eject: (...middleware: Middleware[]) => inner.eject(...middleware),
  };
  for (const method of METHODS) client[method] = (path: string, init?: CallInit) => send(method, path, init);
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
    checkAnswer: answerCheck(options.validateResponses ?? "off", options.logger, secrets),
    secrets,
    transportFor: (fetch) => createTransport({ ...transportOptions, fetch: fetch ?? options.fetch }),
  });
}
