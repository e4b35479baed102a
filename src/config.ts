import { normalizeBaseUrl } from "./base-url.js";
import { ConfigurationError } from "./errors/index.js";
import type { Logger } from "./logger.js";
import { RESPONSE_VALIDATION_MODES, type ResponseValidation } from "./response-check.js";
import type { RetryOverrides } from "./transport/retry-policy.js";
import { isRegion, REGION_BASE_URLS, REGIONS, type Region } from "./regions.js";

/** Every option may be left out or given as undefined: either keeps its default. */
export interface OrderClientOptions {
  /** The tenant's region; defaults to `CDP_REGION`. Give this or `baseUrl`, not both. */
  region?: Region | undefined;
  /** A custom base URL (https, or http on loopback), for example a mock server. */
  baseUrl?: string | undefined;
  /** The client key (Basic auth user name); defaults to `CDP_CLIENT_KEY`. */
  clientKey?: string | undefined;
  /** The API token (Basic auth password); defaults to `CDP_API_TOKEN`. */
  apiToken?: string | undefined;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Retry limits and backoff; `{ maxRetries: 0 }` turns retries off. */
  retry?: RetryOverrides | undefined;
  /** Longest wait for one attempt, body included (default 30 s). */
  timeoutMs?: number | undefined;
  /** Longest wait for a whole call: every attempt and backoff (default 60 s). */
  deadlineMs?: number | undefined;
  /** Check path, query and body against the spec before sending (default true). */
  validateRequests?: boolean | undefined;
  /**
   * Check each answer against the spec (default "off"): "report" gives the logger one
   * `responseDrift` event per distinct finding; "strict" throws `ResponseValidationError`.
   */
  validateResponses?: ResponseValidation | undefined;
  /** Receives request, retry and error events, with credentials redacted. */
  logger?: Logger | undefined;
  /** How to wait between attempts; replaceable for tests. Must reject when `signal` aborts. */
  sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
}

export interface ResolvedConfig {
  baseUrl: string;
  clientKey: string;
  apiToken: string;
}

type Env = Record<string, string | undefined>;

/** `process.env` where it exists (Node, Bun, Deno with compat); empty elsewhere. */
function runtimeEnv(): Env {
  const process = (globalThis as { process?: { env?: Env } }).process;
  return process?.env ?? {};
}

/**
 * The value without surrounding whitespace (a secret file's or a CRLF .env's line end would
 * otherwise become part of the credentials: a 401), or undefined when nothing is left.
 */
function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === "" ? undefined : trimmed;
}

function resolveBaseUrl(options: OrderClientOptions, env: Env): string {
  if (options.region !== undefined && options.baseUrl !== undefined) {
    throw new ConfigurationError("Give either region or baseUrl, not both.");
  }
  if (options.baseUrl !== undefined) return normalizeBaseUrl(options.baseUrl);
  const region = options.region ?? nonEmpty(env.CDP_REGION)?.toLowerCase();
  if (region === undefined) {
    throw new ConfigurationError(`No region: pass region (${REGIONS.join(", ")}) or baseUrl, or set CDP_REGION.`);
  }
  if (!isRegion(region)) {
    throw new ConfigurationError(`Unknown region "${region}"; expected one of ${REGIONS.join(", ")}.`);
  }
  return REGION_BASE_URLS[region];
}

/** The longest delay a timer takes; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

function checkRange(name: string, value: number | undefined, min: number, integer = false): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !(value >= min && value <= MAX_TIMER_MS) || (integer && !Number.isInteger(value))) {
    throw new ConfigurationError(
      `${name} must be ${integer ? "an integer" : "a number"} from ${min} to ${MAX_TIMER_MS}; got ${String(value)}.`,
    );
  }
}

/** Timeouts and retry limits a timer can keep: none missing its mark, none firing at once. */
function checkTimings({ timeoutMs, deadlineMs, retry = {} }: OrderClientOptions): void {
  checkRange("timeoutMs", timeoutMs, 1);
  checkRange("deadlineMs", deadlineMs, 1);
  checkRange("retry.maxRetries", retry.maxRetries, 0, true);
  checkRange("retry.initialDelayMs", retry.initialDelayMs, 0);
  checkRange("retry.maxDelayMs", retry.maxDelayMs, 0);
  checkRange("retry.maxRetryAfterMs", retry.maxRetryAfterMs, 0);
}

/**
 * What each option must be (`typeof`), for callers without types: the wrong kind fails
 * here, not at the first call or never. A logger may be a function with methods, as some
 * logging libraries make them.
 */
const OPTION_KINDS: Record<string, readonly string[]> = {
  region: ["string"],
  baseUrl: ["string"],
  clientKey: ["string"],
  apiToken: ["string"],
  fetch: ["function"],
  sleep: ["function"],
  logger: ["object", "function"],
  retry: ["object"],
  validateRequests: ["boolean"],
  validateResponses: ["string"],
};

/** Only the kind of a wrong value is named: it may be the token. */
function checkKinds(options: OrderClientOptions): void {
  for (const [name, kinds] of Object.entries(OPTION_KINDS)) {
    const value: unknown = options[name as keyof OrderClientOptions];
    if (value === undefined || (value !== null && kinds.includes(typeof value))) continue;
    const expected = kinds.join(" or ");
    throw new ConfigurationError(
      `${name} must be ${expected.startsWith("object") ? "an" : "a"} ${expected}; got ${value === null ? "null" : typeof value}.`,
    );
  }
}

/** Merges options with the environment and checks the result; never echoes the token. */
export function resolveConfig(options: OrderClientOptions = {}, env: Env = runtimeEnv()): ResolvedConfig {
  checkKinds(options);
  const mode = options.validateResponses;
  if (mode !== undefined && !RESPONSE_VALIDATION_MODES.includes(mode)) {
    throw new ConfigurationError(`validateResponses must be one of ${RESPONSE_VALIDATION_MODES.join(", ")}.`);
  }
  checkTimings(options);
  const baseUrl = resolveBaseUrl(options, env);
  const clientKey = nonEmpty(options.clientKey ?? env.CDP_CLIENT_KEY);
  const apiToken = nonEmpty(options.apiToken ?? env.CDP_API_TOKEN);
  const missing = [
    clientKey === undefined && "clientKey (CDP_CLIENT_KEY)",
    apiToken === undefined && "apiToken (CDP_API_TOKEN)",
  ].filter(Boolean);
  if (clientKey === undefined || apiToken === undefined) {
    throw new ConfigurationError(`Missing credentials: ${missing.join(" and ")}.`);
  }
  if (clientKey.includes(":")) {
    throw new ConfigurationError("clientKey must not contain ':' (it is the Basic auth user name).");
  }
  return { baseUrl, clientKey, apiToken };
}
