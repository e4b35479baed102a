// The client the commands use: credentials and region from flags or the environment, and
// every request through one rate gate. Credentials go to the client and nowhere else.
import { createOrderClient, type OrderClient } from "../index.js";
import { isRegion } from "../regions.js";
import { secondsFlag, UsageError, type CliValues } from "./args.js";
import { nodeFetch } from "./node-fetch.js";
import { gatedFetch, RateGate } from "./rate-gate.js";

export interface CliClient {
  client: OrderClient;
  gate: RateGate;
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
  const baseUrl = values["base-url"];
  const region = values.region ?? (baseUrl === undefined ? env.CDP_REGION?.trim().toLowerCase() : undefined);
  if (region !== undefined && baseUrl !== undefined) throw new UsageError("Give either --region or --base-url, not both.");
  if (region !== undefined && !isRegion(region)) throw new UsageError(`Unknown region "${region}"; expected ap, eu, jp or us.`);
  const clientKey = values["client-key"] ?? env.CDP_CLIENT_KEY;
  const apiToken = values["api-token"] ?? env.CDP_API_TOKEN;
  const gate = new RateGate({ maxInFlight });
  const client = createOrderClient({
    ...(region !== undefined ? { region } : {}),
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(clientKey !== undefined ? { clientKey } : {}),
    ...(apiToken !== undefined ? { apiToken } : {}),
    timeoutMs: secondsFlag(values, "timeout", 30_000),
    validateRequests: options.validateRequests ?? true,
    fetch: gatedFetch(gate, nodeFetch(maxInFlight)),
  });
  return { client, gate };
}
