export { createOrderClient, type OrderClient } from "./client.js";
export type { OrderClientOptions } from "./config.js";
export * from "./errors/index.js";
export type { ClientEvent, Logger } from "./logger.js";
export { DEFAULT_RETRY, parseRetryAfter, retryDelay, shouldRetry, type AttemptOutcome, type RetryOptions } from "./transport/retry-policy.js";
export { unwrap, type SuccessData } from "./unwrap.js";
export { REGION_BASE_URLS, REGIONS, type Region } from "./regions.js";
export type { components, operations, paths } from "../generated/schema.js";
