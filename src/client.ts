import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { basicAuthorization } from "./auth.js";
import { resolveConfig, type OrderClientOptions } from "./config.js";
import { createResilientFetch } from "./transport/resilient-fetch.js";
import { safePathSerializer } from "./transport/path-serializer.js";
import { validateBeforeSending } from "./validation/lazy.js";

export type OrderClient = Client<paths, "application/json"> & {
  /** The base URL every request goes to, without a trailing slash. */
  readonly baseUrl: string;
};

const VALIDATED_METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE"] as const;

interface CallInit {
  params?: { path?: unknown; query?: unknown };
  body?: unknown;
}

/** Makes each call check its path, query and body against the spec before anything is sent. */
function checkRequestsBeforeSending(client: Client<paths, "application/json">): void {
  for (const method of VALIDATED_METHODS) {
    const send = client[method] as (path: string, init?: CallInit) => Promise<unknown>;
    const checked = async (path: string, init?: CallInit) => {
      await validateBeforeSending(`${method} ${path}`, { path: init?.params?.path, query: init?.params?.query, body: init?.body });
      return send(path, init);
    };
    Object.assign(client, { [method]: checked });
  }
}

/**
 * Creates a typed client for the Order REST API v2.1. Every request carries HTTP Basic
 * credentials, kept in a closure (not in the client's options) so they cannot be read
 * back from the client object; requests are validated, timed and retried as configured.
 */
export function createOrderClient(options: OrderClientOptions = {}): OrderClient {
  const config = resolveConfig(options);
  const authorization = basicAuthorization(config.clientKey, config.apiToken);
  const operations = new WeakMap<Request, string>();
  const transport = createResilientFetch({
    fetch: options.fetch,
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
    ...(options.sleep !== undefined ? { sleep: options.sleep } : {}),
    logger: options.logger,
    operationOf: (request) => operations.get(request),
  });
  const client = createClient<paths, "application/json">({
    baseUrl: config.baseUrl,
    fetch: transport,
    pathSerializer: safePathSerializer,
  });
  client.use({
    onRequest({ request, schemaPath }) {
      request.headers.set("Authorization", authorization);
      if (!request.headers.has("Accept")) request.headers.set("Accept", "application/json");
      operations.set(request, `${request.method} ${schemaPath}`);
      return request;
    },
  });
  if (options.validateRequests !== false) checkRequestsBeforeSending(client);
  return Object.assign(client, { baseUrl: config.baseUrl });
}
