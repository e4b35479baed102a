import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { basicAuthorization } from "./auth.js";
import { resolveConfig, type OrderClientOptions } from "./config.js";

export type OrderClient = Client<paths, "application/json"> & {
  /** The base URL every request goes to, without a trailing slash. */
  readonly baseUrl: string;
};

/**
 * Creates a typed client for the Order REST API v2.1. Every request carries HTTP Basic
 * credentials; they are kept in a closure, not in the client's options, so they cannot
 * be read back from the client object.
 */
export function createOrderClient(options: OrderClientOptions = {}): OrderClient {
  const config = resolveConfig(options);
  const authorization = basicAuthorization(config.clientKey, config.apiToken);
  const client = createClient<paths, "application/json">({
    baseUrl: config.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use({
    onRequest({ request }) {
      request.headers.set("Authorization", authorization);
      if (!request.headers.has("Accept")) request.headers.set("Accept", "application/json");
      return request;
    },
  });
  return Object.assign(client, { baseUrl: config.baseUrl });
}
