// Section (e): what `validateResponses: "strict"` adds to a GET through our client, against
// the same client with it off, on one order and on a page of 100 expanded order items; the
// two are interleaved call by call in fresh processes, as in section (a).
import { basicAuthorization } from "../../src/auth.js";
import type { ClientModule } from "./built-client.js";
import { measureInFreshProcesses, type PerRequestResult, type PerRequestSettings } from "./per-request.js";
import { BENCH_CREDENTIALS, BENCH_ITEMS_PATH, BENCH_ORDER_PATH, BENCH_ORDER_REF } from "./server.js";
import type { Contender } from "./side-by-side.js";

export const RESPONSES_OFF = "validateResponses off";
export const RESPONSES_STRICT = "validateResponses strict";

const PAGE_QUERY = { expand: true, limit: 100 } as const;

export interface ResponseCase {
  /** How the table names it. */
  title: string;
  /** The operation, as the validators name it. */
  operation: string;
  /** Where the bench server answers it, from its base URL. */
  path: string;
  settings: PerRequestSettings;
  /** Calls per timed round of the validator alone, in process. */
  validatorCalls: number;
}

export const RESPONSE_CASES = {
  order: {
    title: "GET one order",
    operation: "GET /v2.1/orders/{orderRef}",
    path: BENCH_ORDER_PATH,
    settings: { processes: 5, calls: 2_000, warmupCalls: 300 },
    validatorCalls: 20_000,
  },
  page: {
    title: "GET 100 expanded items",
    operation: "GET /v2.1/orders/{orderRef}/orderItems",
    path: `${BENCH_ITEMS_PATH}?${new URLSearchParams({ expand: "true", limit: "100" })}`,
    settings: { processes: 5, calls: 400, warmupCalls: 100 },
    validatorCalls: 300,
  },
} as const satisfies Record<string, ResponseCase>;

export type ResponseCaseName = keyof typeof RESPONSE_CASES;

type OrderClient = ReturnType<ClientModule["createOrderClient"]>;

/** The case's GET through `client`, its answer checked. */
function getter(caseName: ResponseCaseName): (client: OrderClient) => Promise<{ data?: unknown; response: Response }> {
  const path = { orderRef: BENCH_ORDER_REF };
  return caseName === "order"
    ? (client) => client.GET("/v2.1/orders/{orderRef}", { params: { path } })
    : (client) => client.GET("/v2.1/orders/{orderRef}/orderItems", { params: { path, query: PAGE_QUERY } });
}

/** Our client with answers unchecked, then checked strictly; otherwise configured alike. */
export function responseValidationContenders(
  baseUrl: string,
  caseName: ResponseCaseName,
  createOrderClient: ClientModule["createOrderClient"],
): Contender[] {
  const get = getter(caseName);
  return (
    [
      [RESPONSES_OFF, "off"],
      [RESPONSES_STRICT, "strict"],
    ] as const
  ).map(([name, mode]) => {
    const client = createOrderClient({ baseUrl, ...BENCH_CREDENTIALS, validateResponses: mode });
    return {
      name,
      run: async () => {
        const { data, response } = await get(client);
        if (response.status !== 200 || data === undefined) throw new Error(`${name}: expected HTTP 200 with a body`);
      },
    };
  });
}

/** Measures the case's two contenders in fresh processes against the server at `baseUrl`. */
export function measureResponseValidation(
  baseUrl: string,
  caseName: ResponseCaseName,
  clientUrl: string,
): Promise<PerRequestResult[]> {
  const { settings } = RESPONSE_CASES[caseName];
  return measureInFreshProcesses({ BENCH_RESPONSE_CASE: caseName }, baseUrl, clientUrl, settings);
}

/** The body the bench server sends for the case, parsed: what the validator is timed on. */
export async function servedBody(baseUrl: string, caseName: ResponseCaseName): Promise<unknown> {
  const response = await fetch(`${baseUrl}${RESPONSE_CASES[caseName].path}`, {
    headers: {
      Authorization: basicAuthorization(BENCH_CREDENTIALS.clientKey, BENCH_CREDENTIALS.apiToken),
      Accept: "application/json",
    },
  });
  if (response.status !== 200) throw new Error(`${caseName}: expected HTTP 200, got ${response.status}`);
  return response.json();
}
