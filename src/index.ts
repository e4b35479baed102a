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

export { loadRequestViolations } from "./validation/lazy.js";
