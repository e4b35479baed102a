// Section (c), child side: one fresh process lists the collection once and reports its peak
// resident set size. `baseline` loads the same code and fetches only the first page, so the
// HTTP stack is warmed alike and the difference is the listing's own.
import { basicAuthorization } from "../../src/auth.js";
import { handWrittenListing, iteratorListing, LISTING_LIMIT } from "./listing.js";
import { BENCH_CREDENTIALS, BENCH_ITEMS_PATH } from "./server.js";

export type ProbeMode = "baseline" | "fetch-loop" | "paginate";
export interface ProbeResult {
  mode: ProbeMode;
  items: number;
  /** process.resourceUsage().maxRSS: the peak over the process's life, in KiB. */
  maxRssKiB: number;
}

const mode = process.env.BENCH_PROBE_MODE as ProbeMode;
const baseUrl = process.env.BENCH_BASE_URL ?? "";
const maxPages = Number(process.env.BENCH_MAX_PAGES);

async function firstPageOnly(): Promise<number> {
  const authorization = basicAuthorization(BENCH_CREDENTIALS.clientKey, BENCH_CREDENTIALS.apiToken);
  const response = await fetch(`${baseUrl}${BENCH_ITEMS_PATH}?expand=true&offset=0&limit=${LISTING_LIMIT}`, {
    headers: { Authorization: authorization },
  });
  return ((await response.json()) as { items: unknown[] }).items.length;
}

const items =
  mode === "fetch-loop"
    ? await handWrittenListing(baseUrl, maxPages)
    : mode === "paginate"
      ? await iteratorListing(baseUrl, Number(process.env.BENCH_CONCURRENCY))
      : await firstPageOnly();
process.send?.({ mode, items, maxRssKiB: process.resourceUsage().maxRSS } satisfies ProbeResult);
process.disconnect();
