// The client the commands use: credentials and region from flags or the environment, and
// every request through one rate gate, wrapped around the fetch it is given. Credentials go
// to the client and nowhere else.
import {
  createOrderClient,
  DEFAULT_RETRY,
  isRegion,
  normalizeBaseUrl,
  type OrderClient,
  type OrderClientOptions,
  type Region,
  type ResponseValidation,
} from "sitecore-cdp-orders";
import { secondsFlag, UsageError, type CliValues } from "./args.js";
import { withTimeoutErrors } from "./attempt-timeout.js";
import { nodeFetch } from "./node-fetch.js";
import { gatedFetch, MAX_PAUSE_MS, RateGate, type GatedFetch } from "./rate-gate.js";

export interface CliClient {
  client: OrderClient;
  gate: RateGate;
  /** The fetch the client sends with: through the gate, each attempt timed by `--timeout` once it goes out. */
  fetch: GatedFetch;
}

/**
 * Room in the client's attempt timeout for the attempt's wait at the rate gate, which the
 * client counts in it: the longest pause a 429 imposes, and as long again for a free slot
 * (after a 429 fewer requests are let through at once).
 */
const GATE_WAIT_ALLOWANCE_MS = 2 * MAX_PAUSE_MS;

/**
 * `--timeout` for one attempt from when it goes out, which the gated fetch enforces; the
 * client's attempt timeout, with room for the wait at the gate besides; and a deadline with
 * room for every attempt to take all of that and for the longest waits between them (a
 * Retry-After as long as the rate gate's longest pause included), so neither a wait at the
 * gate, a long `--timeout` nor a long Retry-After is cut short by the client's own limits.
 */
export function requestTimings(values: CliValues): { timeoutMs: number; attemptMs: number; deadlineMs: number } {
  const timeoutMs = secondsFlag(values, "timeout", 30_000);
  const attemptMs = timeoutMs + GATE_WAIT_ALLOWANCE_MS;
  const { maxRetries, maxDelayMs } = DEFAULT_RETRY;
  const longestWait = Math.max(maxDelayMs, MAX_PAUSE_MS);
  return { timeoutMs, attemptMs, deadlineMs: attemptMs * (maxRetries + 1) + longestWait * maxRetries };
}

/**
 * Where and how the commands connect, checked: a dry run, which needs no credentials,
 * refuses what the run itself would.
 */
export function connectionSettings(
  values: CliValues,
  env: Record<string, string | undefined>,
): { region: Region | undefined; baseUrl: string | undefined } & ReturnType<typeof requestTimings> {
  const baseUrl = values["base-url"];
  const region = values.region ?? (baseUrl === undefined ? env.CDP_REGION?.trim().toLowerCase() : undefined);
  if (region !== undefined && baseUrl !== undefined)
    throw new UsageError("Give either --region or --base-url, not both.");
  if (region !== undefined && !isRegion(region))
    throw new UsageError(`Unknown region "${region}"; expected ap, eu, jp or us.`);
  if (baseUrl !== undefined) normalizeBaseUrl(baseUrl);
  return { region, baseUrl, ...requestTimings(values) };
}

/** How the commands' client validates: what it sends (default yes) and what it gets (default not). */
export interface ValidationOptions {
  validateRequests?: boolean;
  validateResponses?: ResponseValidation;
}

/**
 * `validateRequests: false` suits the import: it checks each line, every request of it
 * included, with the same validators just before sending it, so the client would repeat that.
 * `validateResponses: "strict"` suits verify, which reports every answer that departs from the spec.
 */
export function createCliClient(
  values: CliValues,
  env: Record<string, string | undefined>,
  maxInFlight: number,
  options: ValidationOptions = {},
): CliClient {
  const settings = cliClientOptions(values, env, options);
  const { timeoutMs } = requestTimings(values);
  const gate = new RateGate({ maxInFlight });
  const fetch = gatedFetch(gate, nodeFetch(maxInFlight), timeoutMs);
  const client = createOrderClient({ ...settings, fetch: (request) => fetch(request) });
  return { client: withTimeoutErrors(client, timeoutMs), gate, fetch };
}

/**
 * The commands' client options, from flags and the environment. A Retry-After is honoured
 * as long as the rate gate pauses for one: the gate makes every worker wait it out anyway,
 * and the client's own default (20 s) would end the request where the gate waits. Its
 * attempt timeout has room for the wait at the gate: `--timeout` is the gated fetch's.
 */
export function cliClientOptions(
  values: CliValues,
  env: Record<string, string | undefined>,
  options: ValidationOptions = {},
): OrderClientOptions {
  const { region, baseUrl, attemptMs, deadlineMs } = connectionSettings(values, env);
  return {
    region,
    baseUrl,
    clientKey: values["client-key"] ?? env.CDP_CLIENT_KEY,
    apiToken: values["api-token"] ?? env.CDP_API_TOKEN,
    timeoutMs: attemptMs,
    deadlineMs,
    retry: { maxRetryAfterMs: MAX_PAUSE_MS },
    validateRequests: options.validateRequests ?? true,
    ...(options.validateResponses ? { validateResponses: options.validateResponses } : {}),
  };
}
