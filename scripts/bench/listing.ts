// Section (b): listing a whole collection over a link with latency, by a hand-written
// fetch loop that follows next.href and by the package's iterator at several concurrencies.
import { basicAuthorization } from "../../src/auth.js";
import { createOrderClient, paginate } from "../../src/index.js";
import type { BenchServerProcess } from "./server-process.js";
import { BENCH_CREDENTIALS, BENCH_ITEMS_PATH, BENCH_ORDER_REF } from "./server.js";

export const LISTING_LIMIT = 100;

interface Page {
  items: unknown[];
  next?: { href: string };
}

/**
 * What one would write without this package: fetch the first page, then follow next.href
 * until there is none. Bounded by `maxPages` so a broken server cannot keep it running.
 */
export async function handWrittenListing(baseUrl: string, maxPages: number): Promise<number> {
  const headers = {
    Authorization: basicAuthorization(BENCH_CREDENTIALS.clientKey, BENCH_CREDENTIALS.apiToken),
    Accept: "application/json",
  };
  let url: string | undefined = `${baseUrl}${BENCH_ITEMS_PATH}?expand=true&offset=0&limit=${LISTING_LIMIT}`;
  let items = 0;
  for (let pages = 0; url !== undefined; pages++) {
    if (pages === maxPages) throw new Error(`more than ${maxPages} pages`);
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    const page = (await response.json()) as Page;
    items += page.items.length;
    url = page.next?.href;
  }
  return items;
}

/**
 * A reference for what concurrency can reach on this machine without the package: raw
 * fetch, the offsets taken from the first page's last.href, `concurrency` pages in flight,
 * pages consumed in order. No guards, no client; not something to ship.
 */
export async function rawWindowListing(baseUrl: string, concurrency: number, maxPages: number): Promise<number> {
  const headers = {
    Authorization: basicAuthorization(BENCH_CREDENTIALS.clientKey, BENCH_CREDENTIALS.apiToken),
    Accept: "application/json",
  };
  const page = async (offset: number): Promise<Page & { last: { href: string } }> => {
    const url = `${baseUrl}${BENCH_ITEMS_PATH}?expand=true&offset=${offset}&limit=${LISTING_LIMIT}`;
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    return response.json() as Promise<Page & { last: { href: string } }>;
  };
  const first = await page(0);
  const lastOffset = Number(new URL(first.last.href).searchParams.get("offset"));
  if (lastOffset / LISTING_LIMIT >= maxPages) throw new Error(`more than ${maxPages} pages`);
  let items = first.items.length;
  const inFlight: Promise<Page>[] = [];
  let next = LISTING_LIMIT;
  while (next <= lastOffset || inFlight.length > 0) {
    while (inFlight.length < concurrency && next <= lastOffset) {
      inFlight.push(page(next));
      next += LISTING_LIMIT;
    }
    items += (await inFlight.shift()!).items.length;
  }
  return items;
}

/** The same listing through `paginate`, counting the items the iterator yields. */
export async function iteratorListing(baseUrl: string, concurrency: number): Promise<number> {
  const client = createOrderClient({ baseUrl, ...BENCH_CREDENTIALS });
  const listing = paginate(
    client,
    "/v2.1/orders/{orderRef}/orderItems",
    { params: { path: { orderRef: BENCH_ORDER_REF }, query: { expand: true, limit: LISTING_LIMIT } } },
    { concurrency },
  );
  let items = 0;
  for await (const item of listing) if (item.ref) items++;
  return items;
}

export type ListingCase = "loop" | "paginate-1" | "paginate-default" | "paginate-8" | "raw-window-8";

export interface ListingVariant {
  case: ListingCase;
  name: string;
  /** Pages in flight at once, for the ideal time; 1 for the sequential loop. */
  concurrency: number;
  list: (baseUrl: string) => Promise<number>;
}

/** The hand-written loop comes first: the others are compared with it. */
export function listingVariants(pages: number): ListingVariant[] {
  const maxPages = pages + 1;
  return [
    {
      case: "loop",
      name: "hand-written fetch loop (next.href)",
      concurrency: 1,
      list: (url) => handWrittenListing(url, maxPages),
    },
    { case: "paginate-1", name: "paginate, concurrency 1", concurrency: 1, list: (url) => iteratorListing(url, 1) },
    {
      case: "paginate-default",
      name: "paginate, concurrency 4 (default)",
      concurrency: 4,
      list: (url) => iteratorListing(url, 4),
    },
    { case: "paginate-8", name: "paginate, concurrency 8", concurrency: 8, list: (url) => iteratorListing(url, 8) },
    {
      case: "raw-window-8",
      name: "reference: raw fetch, 8 in flight, no client",
      concurrency: 8,
      list: (url) => rawWindowListing(url, 8, maxPages),
    },
  ];
}

export interface ListingResult {
  case: ListingCase;
  name: string;
  concurrency: number;
  /** The median wall time over the repetitions. */
  wallMs: number;
  idealMs: number;
  /** Requests the server counted, per repetition. */
  requests: number[];
}

/** The ideal wall time with `concurrency` pages in flight: one round trip per wave, plus the first page. */
export function idealListingMs(pages: number, concurrency: number, latencyMs: number): number {
  return (Math.ceil(pages / concurrency) + 1) * latencyMs;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Runs every variant `repetitions` times, interleaved, against `server` (which adds the
 * latency), checking each listing returned every item.
 */
export async function measureListings(
  server: Pick<BenchServerProcess, "baseUrl" | "requestCount" | "resetRequestCount">,
  options: { items: number; latencyMs: number; repetitions: number },
): Promise<ListingResult[]> {
  const pages = Math.ceil(options.items / LISTING_LIMIT);
  const variants = listingVariants(pages);
  // One untimed pass opens the connections and warms the code paths.
  for (const variant of variants) await variant.list(server.baseUrl);
  const times = variants.map((): number[] => []);
  const requests = variants.map((): number[] => []);
  for (let repetition = 0; repetition < options.repetitions; repetition++) {
    for (const [index, variant] of variants.entries()) {
      await server.resetRequestCount();
      const started = performance.now();
      const items = await variant.list(server.baseUrl);
      times[index]!.push(performance.now() - started);
      requests[index]!.push(await server.requestCount());
      if (items !== options.items) throw new Error(`${variant.name} listed ${items} of ${options.items} items`);
    }
  }
  return variants.map((variant, i) => ({
    case: variant.case,
    name: variant.name,
    concurrency: variant.concurrency,
    wallMs: median(times[i]!),
    idealMs: idealListingMs(pages, variant.concurrency, options.latencyMs),
    requests: requests[i]!,
  }));
}
