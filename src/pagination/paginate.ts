import type { OrderClient } from "../client.js";
import { throwIfAborted } from "./abort.js";
import { InvalidPaginationOptionError, TooManyItemsError } from "./errors.js";
import { DEFAULT_CONCURRENCY, DEFAULT_PAGE_LIMIT, PAGE_LIMIT } from "./limits.js";
import { pageFetcher, type Envelope } from "./page-request.js";
import { streamPages } from "./page-stream.js";
import type { CheckedListInit, ItemOf, ListInit, ListPath, PageOf } from "./types.js";

export interface PaginateOptions {
  /**
   * The most pages requested at once (and held in memory) after the first; default 4.
   * 1 fetches one page at a time. Every page is a request against the tenant's rate limit.
   */
  concurrency?: number | undefined;
  /**
   * Aborting cancels the requests in flight; the iteration then throws RequestAbortedError
   * (its `cause` is the signal's reason), as an aborted client call does.
   */
  signal?: AbortSignal | undefined;
}

/** A page as the listing yields it: the envelope with items typed by the request. */
export type ListPage<Path extends ListPath, Item> = Omit<PageOf<Path>, "items"> & { items: Item[] };

/**
 * Everything in one collection. Each iteration (items, `pages()` or `collect`) starts a
 * fresh listing from the first page.
 */
export interface Listing<Item, Page> extends AsyncIterable<Item> {
  /** The items, in collection order; breaking out of the loop cancels what is in flight. */
  [Symbol.asyncIterator](): AsyncIterator<Item, undefined, undefined>;
  /** The pages, in collection order, each with its envelope; each loop over it starts again. */
  pages(): AsyncIterable<Page>;
  /** All items in an array; throws TooManyItemsError rather than hold more than `max`. */
  collect(options: { max: number }): Promise<Item[]>;
}

function checkInteger(option: string, value: number, min: number, max: number, expected: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidPaginationOptionError(option, value, expected);
  }
}

/**
 * A listing sends the request's path and query alone: anything else (a `signal`, `headers`)
 * would be left behind without a word. The value is not repeated: it may be a header's secret.
 */
function checkRequestKeys(init: object): void {
  const params = (init as { params?: unknown }).params;
  const extra = [
    ...Object.keys(init)
      .filter((key) => key !== "params")
      .map((key) => `init.${key}`),
    ...(params !== null && typeof params === "object"
      ? Object.keys(params)
          .filter((key) => key !== "path" && key !== "query")
          .map((key) => `init.params.${key}`)
      : []),
  ][0];
  if (extra === undefined) return;
  const where =
    extra === "init.signal"
      ? "in paginate's options (its fourth argument)"
      : "left out: a listing sends the request's path and query only";
  throw new InvalidPaginationOptionError(extra, "a value", where);
}

/**
 * Lists a whole collection through `client`, for any list operation of the API. The item
 * type follows the request: full objects with `query: { expand: true }`, links otherwise.
 * Option errors are thrown here, before anything is sent.
 *
 * @example
 * for await (const item of paginate(cdp, "/v2.1/orders/{orderRef}/orderItems", {
 *   params: { path: { orderRef }, query: { expand: true } },
 * })) console.log(item.name);
 */
export function paginate<Path extends ListPath, const Init extends ListInit<Path>>(
  client: OrderClient,
  path: Path,
  init: CheckedListInit<Path, Init>,
  options: PaginateOptions = {},
): Listing<ItemOf<Path, Init>, ListPage<Path, ItemOf<Path, Init>>> {
  type Item = ItemOf<Path, Init>;
  type Page = ListPage<Path, Item>;
  checkRequestKeys(init);
  const query: { offset?: number; limit?: number } = init.params.query ?? {};
  const start = { offset: query.offset ?? 0, limit: query.limit ?? DEFAULT_PAGE_LIMIT };
  checkInteger(
    "limit",
    start.limit,
    PAGE_LIMIT.min,
    PAGE_LIMIT.max,
    `an integer from ${PAGE_LIMIT.min} to ${PAGE_LIMIT.max}`,
  );
  checkInteger("offset", start.offset, 0, Number.MAX_SAFE_INTEGER, "a non-negative integer");
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  checkInteger("concurrency", concurrency, 1, Number.MAX_SAFE_INTEGER, "a positive integer");

  const fetchPage = pageFetcher<Path, Page & Envelope>(client, path, init);
  const operation = `GET ${path}`;
  const { signal } = options;
  // Each loop over what `pages()` returns starts from the first page, as a loop over the listing does.
  const pages = (): AsyncIterable<Page> => ({
    [Symbol.asyncIterator]: () =>
      streamPages(fetchPage, { operation, baseUrl: client.baseUrl, start, concurrency, signal }),
  });

  async function* items(): AsyncGenerator<Item, undefined, undefined> {
    for await (const page of pages()) {
      for (const item of page.items) {
        yield item;
        throwIfAborted(signal, operation, client.baseUrl);
      }
    }
    return undefined;
  }

  return {
    [Symbol.asyncIterator]: items,
    pages,
    async collect(options) {
      // Called from JavaScript without its options, it says what is missing rather than failing to destructure.
      const max = (options as { max?: unknown } | undefined)?.max as number;
      checkInteger("max", max, 0, Number.MAX_SAFE_INTEGER, "a non-negative integer");
      const collected: Item[] = [];
      for await (const item of items()) {
        if (collected.length === max) throw new TooManyItemsError(max);
        collected.push(item);
      }
      return collected;
    },
  };
}
