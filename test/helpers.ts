import { inject } from "vitest";
import { createOrderClient, type OrderClient, type OrderClientOptions } from "../src/index.js";

export const TEST_CREDENTIALS = { clientKey: "test-client-key", apiToken: "test-api-token-5ecret" } as const;

/** A client of the Prism mock started by the global setup. */
export function prismClient(options: OrderClientOptions = {}): OrderClient {
  return createOrderClient({ baseUrl: inject("prismUrl"), ...TEST_CREDENTIALS, ...options });
}

export interface ObservedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/**
 * A client whose fetch records each request and answers with `respond`, so unit tests
 * see exactly what would go over the wire.
 */
export function observedClient(
  respond: (request: ObservedRequest) => Response = () => Response.json({}),
  options: OrderClientOptions = {},
): { client: OrderClient; requests: ObservedRequest[] } {
  const requests: ObservedRequest[] = [];
  const client = createOrderClient({
    baseUrl: "https://cdp.test",
    ...TEST_CREDENTIALS,
    ...options,
    fetch: async (request) => {
      const observed = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: await request.text(),
      };
      requests.push(observed);
      return respond(observed);
    },
  });
  return { client, requests };
}
