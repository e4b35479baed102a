import type { Violation } from "./errors/index.js";
import type { RequestParts } from "./validation/request-violations.js";

export { createOrderClient, type OrderClient } from "./client.js";
export type { OrderClientOptions } from "./config.js";
export type { ResponseValidation } from "./response-check.js";
export * from "./errors/index.js";
export type { ClientEvent, Logger } from "./logger.js";
export {
  DEFAULT_RETRY,
  parseRetryAfter,
  retryDelay,
  shouldRetry,
  type AttemptOutcome,
  type RetryOptions,
  type RetryOverrides,
} from "./transport/retry-policy.js";
export { unwrap, type SuccessData } from "./unwrap.js";
export { sleep } from "./transport/sleep.js";
export { onAbort } from "./transport/on-abort.js";
export { isRegion, REGION_BASE_URLS, REGIONS, type Region } from "./regions.js";
export { normalizeBaseUrl } from "./base-url.js";
export type { RequestParts } from "./validation/request-violations.js";
export type { components, operations, paths } from "../generated/schema.js";
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_PAGE_LIMIT,
  InvalidPageError,
  InvalidPaginationOptionError,
  PAGE_LIMIT,
  paginate,
  PaginationError,
  PaginationLinkError,
  PaginationLoopError,
  TooManyItemsError,
  type FullItemOf,
  type ItemOf,
  type ListInit,
  type Listing,
  type ListPage,
  type ListPath,
  type ListQuery,
  type PageOf,
  type PaginateOptions,
  type ResourceLink,
} from "./pagination/index.js";

/**
 * Loads the request validators the client runs before sending, and returns the check they
 * make: every way a request for `operation` (`"POST /v2.1/orders"`) breaks the spec, empty
 * when it is valid (an operation the spec does not have passes). Loaded on first use, as the
 * client does: they are most of the package's weight, and stay out of what an import loads.
 */
export async function loadRequestViolations(): Promise<(operation: string, parts: RequestParts) => Violation[]> {
  return (await import("./validation/request-violations.js")).requestViolations;
}
