/** The page sizes the API accepts. */
export const PAGE_LIMIT = Object.freeze({ min: 10, max: 100 } as const);

/** Without a `limit` in the query, the listing asks for the largest page, so it takes the fewest requests. */
export const DEFAULT_PAGE_LIMIT = PAGE_LIMIT.max;

export const DEFAULT_CONCURRENCY = 4;

export function isPageLimit(value: number): boolean {
  return Number.isSafeInteger(value) && value >= PAGE_LIMIT.min && value <= PAGE_LIMIT.max;
}
