// The client the commands use: credentials and region from flags or the environment, and
// every request through one rate gate. Credentials go to the client and nowhere else.
import { createOrderClient } from "../client.js";
import type { OrderClientOptions } from "../config.js";
import { DEFAULT_RETRY, type OrderClient } from "../index.js";
import { DEFAULT_DEADLINE_MS } from "../transport/timeouts.js";
import { normalizeBaseUrl } from "../base-url.js";
import { isRegion, type Region } from "../regions.js";
import { secondsFlag, UsageError, type CliValues } from "./args.js";
import { nodeFetch } from "./node-fetch.js";
import { gatedFetch, MAX_PAUSE_MS, RateGate } from "./rate-gate.js";

export interface CliClient {
  client: OrderClient;
  gate: RateGate;
  /** The fetch the client sends with. */
  fetch: (request: Request) => Promise<Response>;
}

/**
 * `--timeout` for one attempt, and a deadline with room for every attempt to take its whole
 * timeout and for the longest waits between them (a Retry-After as long as the rate gate's
 * longest pause included), so neither a long `--timeout` nor a long Retry-After is cut short
 * by the client's default deadline.
 */
export function requestTimings(values: CliValues): { timeoutMs: number; deadlineMs: number } {
  const timeoutMs = secondsFlag(values, "timeout", 30_000);
  const { maxRetries, maxDelayMs } = DEFAULT_RETRY;
  const longestWait = Math.max(maxDelayMs, MAX_PAUSE_MS);
  return {
    timeoutMs,
    deadlineMs: Math.max(DEFAULT_DEADLINE_MS, timeoutMs * (maxRetries + 1) + longestWait * maxRetries),
  };
}

/**
 * Where and how the commands connect, checked: a dry run, which needs no credentials,
 * refuses what the run itself would.
 */
export function connectionSettings(
  values: CliValues,
  env: Record<string, string | undefined>,
): { region: Region | undefined; baseUrl: string | undefined; timeoutMs: number; deadlineMs: number } {
  const baseUrl = values["base-url"];
  const region = values.region ?? (baseUrl === undefined ? env.CDP_REGION?.trim().toLowerCase() : undefined);
  if (region !== undefined && baseUrl !== undefined)
    throw new UsageError("Give either --region or --base-url, not both.");
  if (region !== undefined && !isRegion(region))
    throw new UsageError(`Unknown region "${region}"; expected ap, eu, jp or us.`);
  if (baseUrl !== undefined) normalizeBaseUrl(baseUrl);
  return { region, baseUrl, ...requestTimings(values) };
}

/**
 * `validateRequests: false` suits the import: it checks each line, every request of it
 * included, with the same validators just before sending it, so the client would repeat that.
 */
export function createCliClient(
  values: CliValues,
  env: Record<string, string | undefined>,
  maxInFlight: number,
  options: { validateRequests?: boolean } = {},
): CliClient {
  const gate = new RateGate({ maxInFlight });
  const fetch = nodeFetch(maxInFlight);
  const client = createOrderClient({ ...cliClientOptions(values, env, options), fetch: gatedFetch(gate, fetch) });
  return { client, gate, fetch };
}

/**
 * The commands' client options, from flags and the environment. A Retry-After is honoured
 * as long as the rate gate pauses for one: the gate makes every worker wait it out anyway,
 * and the client's own default (20 s) would end the request where the gate waits.
 */
export function cliClientOptions(
  values: CliValues,
  env: Record<string, string | undefined>,
  options: { validateRequests?: boolean } = {},
): OrderClientOptions {
  const { region, baseUrl, timeoutMs, deadlineMs } = connectionSettings(values, env);
  return {
    region,
    baseUrl,
    clientKey: values["client-key"] ?? env.CDP_CLIENT_KEY,
    apiToken: values["api-token"] ?? env.CDP_API_TOKEN,
    timeoutMs,
    deadlineMs,
    retry: { maxRetryAfterMs: MAX_PAUSE_MS },
    validateRequests: options.validateRequests ?? true,
  };
}
