// Section (a): what one request costs on loopback with no latency, through raw fetch, bare
// openapi-fetch and this package's client, each measured in several fresh processes.
import { once } from "node:events";
import createClient from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import { basicAuthorization } from "../../src/auth.js";
import { LightRequest } from "../../src/transport/light-request.js";
import { requestViolations } from "../../src/validation/request-violations.js";
import type { ClientModule } from "./built-client.js";
import { answersOf, forkTypeScript } from "./child-process.js";
import type { FromMeasurer } from "./per-request-main.js";
import { BENCH_CREDENTIALS, BENCH_ITEMS_PATH, BENCH_ORDER_REF } from "./server.js";
import type { Contender, Measurement } from "./side-by-side.js";

export type BenchMethod = "GET" | "POST";

/** The GET reads a page of 10 expanded order items; the POST creates an order item. */
const PAGE_QUERY = { expand: true, offset: 0, limit: 10 } as const;
const NEW_ITEM = { name: "Mobile AZ10", type: "MOBILE", price: 105, currencyCode: "EUR", status: "CONFIRMED" } as const;
const ITEMS_TEMPLATE = "/v2.1/orders/{orderRef}/orderItems";
const AUTHORIZATION = basicAuthorization(BENCH_CREDENTIALS.clientKey, BENCH_CREDENTIALS.apiToken);

function expectStatus(response: Response, status: number, who: string): void {
  if (response.status !== status) throw new Error(`${who}: expected HTTP ${status}, got ${response.status}`);
}

function rawFetchContender(baseUrl: string, method: BenchMethod): Contender {
  const query = new URLSearchParams({ expand: "true", offset: "0", limit: "10" });
  const getUrl = `${baseUrl}${BENCH_ITEMS_PATH}?${query}`;
  const postUrl = `${baseUrl}${BENCH_ITEMS_PATH}`;
  return {
    name: "raw fetch",
    run:
      method === "GET"
        ? async () => {
            const response = await fetch(getUrl, {
              headers: { Authorization: AUTHORIZATION, Accept: "application/json" },
            });
            expectStatus(response, 200, "raw fetch");
            return response.json();
          }
        : async () => {
            const response = await fetch(postUrl, {
              method: "POST",
              headers: { Authorization: AUTHORIZATION, Accept: "application/json", "Content-Type": "application/json" },
              body: JSON.stringify(NEW_ITEM),
            });
            expectStatus(response, 201, "raw fetch");
            return response.json();
          },
  };
}

type TypedClient = Pick<ReturnType<typeof createClient<paths, "application/json">>, "GET" | "POST">;

/** The same call through any typed client: openapi-fetch as configured, or ours. */
function typedClientContender(name: string, client: TypedClient, method: BenchMethod): Contender {
  const path = { orderRef: BENCH_ORDER_REF };
  return {
    name,
    run:
      method === "GET"
        ? async () =>
            expectStatus(
              (await client.GET(ITEMS_TEMPLATE, { params: { path, query: PAGE_QUERY } })).response,
              200,
              name,
            )
        : async () =>
            expectStatus((await client.POST(ITEMS_TEMPLATE, { params: { path }, body: NEW_ITEM })).response, 201, name),
  };
}

type Send = (request: LightRequest) => Promise<Response>;

/**
 * References that take our client apart: openapi-fetch building no Request (as the client
 * does) and handing the parts to fetch, with or without a per-request timeout signal (the
 * client's attempt timeout), so the table shows what each layer costs.
 */
function layerClient(baseUrl: string, send: Send): TypedClient {
  return createClient<paths, "application/json">({
    baseUrl,
    headers: { Authorization: AUTHORIZATION, Accept: "application/json" },
    Request: LightRequest as unknown as typeof Request,
    fetch: send as unknown as (request: Request) => Promise<Response>,
  });
}

const sendParts: Send = ({ url, method, headers, body }) => fetch(url, { method, headers, body: body ?? null });

const sendPartsWithTimeout: Send = async ({ url, method, headers, body }) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    return await fetch(url, { method, headers, body: body ?? null, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
};

export const OUR_CLIENT = "our client";
export const OUR_CLIENT_UNVALIDATED = "our client, validation off";

/**
 * The ways of sending one request that section (a) compares; the first is the reference the
 * others are divided by. Add a contender here to give it its own row.
 */
export function perRequestContenders(
  baseUrl: string,
  method: BenchMethod,
  createOrderClient: ClientModule["createOrderClient"],
): Contender[] {
  return [
    rawFetchContender(baseUrl, method),
    typedClientContender(
      "bare openapi-fetch",
      createClient<paths, "application/json">({ baseUrl, headers: { Authorization: AUTHORIZATION } }),
      method,
    ),
    typedClientContender("layer: openapi-fetch, no Request built", layerClient(baseUrl, sendParts), method),
    typedClientContender("layer: the same + a timeout signal", layerClient(baseUrl, sendPartsWithTimeout), method),
    typedClientContender(OUR_CLIENT, createOrderClient({ baseUrl, ...BENCH_CREDENTIALS }), method),
    typedClientContender(
      OUR_CLIENT_UNVALIDATED,
      createOrderClient({ baseUrl, ...BENCH_CREDENTIALS, validateRequests: false }),
      method,
    ),
  ];
}

export interface PerRequestSettings {
  /** Fresh processes, measured one after another. */
  processes: number;
  /** Measured calls per contender in each process. */
  calls: number;
  warmupCalls: number;
}

export const PER_REQUEST_SETTINGS: PerRequestSettings = { processes: 5, calls: 2_000, warmupCalls: 300 };

/** A contender's mean time per call in each process. */
export interface PerRequestResult {
  name: string;
  /** Measured calls over all processes. */
  calls: number;
  processMeans: number[];
}

/**
 * What the validator itself takes per call for the request section (a) sends, timed in this
 * process: the on-versus-off difference over loopback is a difference of two noisy means.
 */
export function validationAloneMicros(method: BenchMethod, calls = 200_000): number {
  const [operation, parts] =
    method === "GET"
      ? [`GET ${ITEMS_TEMPLATE}`, { path: { orderRef: BENCH_ORDER_REF }, query: PAGE_QUERY }]
      : [`POST ${ITEMS_TEMPLATE}`, { path: { orderRef: BENCH_ORDER_REF }, body: NEW_ITEM }];
  if (requestViolations(operation, parts).length > 0) throw new Error(`the bench's ${method} breaks the spec`);
  for (let i = 0; i < calls / 10; i++) requestViolations(operation, parts);
  const started = performance.now();
  for (let i = 0; i < calls; i++) requestViolations(operation, parts);
  return ((performance.now() - started) * 1000) / calls;
}

/**
 * Measures the contenders side by side in `settings.processes` fresh processes in turn, each
 * with the client built from `clientUrl` (see built-client.ts). Within a process the ratios
 * agree from run to run; between processes they spread by several points, so one process
 * would be a draw from that spread.
 */
export function measurePerRequest(
  baseUrl: string,
  method: BenchMethod,
  clientUrl: string,
  settings: PerRequestSettings = PER_REQUEST_SETTINGS,
): Promise<PerRequestResult[]> {
  return measureInFreshProcesses({ BENCH_METHOD: method }, baseUrl, clientUrl, settings);
}

/**
 * Runs per-request-main.ts in `settings.processes` fresh processes in turn, `contenders`
 * (its environment) saying which contenders it measures, and gathers each contender's means.
 */
export async function measureInFreshProcesses(
  contenders: Record<string, string>,
  baseUrl: string,
  clientUrl: string,
  settings: PerRequestSettings,
): Promise<PerRequestResult[]> {
  const runs: Measurement[][] = [];
  for (let index = 0; index < settings.processes; index++) {
    const child = forkTypeScript(new URL("./per-request-main.ts", import.meta.url), {
      ...contenders,
      BENCH_CLIENT_URL: clientUrl,
      BENCH_BASE_URL: baseUrl,
      BENCH_CALLS: String(settings.calls),
      BENCH_WARMUP_CALLS: String(settings.warmupCalls),
      BENCH_SEED: String(index + 1),
    });
    const exited = once(child, "exit");
    const { measurements } = await answersOf<FromMeasurer>(child, `measuring process ${index + 1}`)("measured");
    await exited;
    runs.push(measurements);
  }
  return runs[0]!.map((first, i) => ({
    name: first.name,
    calls: runs.reduce((sum, run) => sum + run[i]!.calls, 0),
    processMeans: runs.map((run) => run[i]!.meanMicros),
  }));
}
