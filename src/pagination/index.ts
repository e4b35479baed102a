export {
  InvalidPageError,
  InvalidPaginationOptionError,
  PaginationError,
  PaginationLinkError,
  PaginationLoopError,
  TooManyItemsError,
} from "./errors.js";
export { DEFAULT_CONCURRENCY, DEFAULT_PAGE_LIMIT, PAGE_LIMIT } from "./limits.js";
export {
  paginate,
  type ListPage,
  type Listing,
  type PaginateOptions,
} from "./paginate.js";
export type { FullItemOf, ItemOf, ListInit, ListPath, ListQuery, PageOf, ResourceLink } from "./types.js";
