import type { OrderClient } from "../client.js";
import { unwrap } from "../unwrap.js";
import { InvalidPageError } from "./errors.js";
import type { ListInit, ListPath } from "./types.js";

/** The parts of a collection envelope the listing relies on. */
export interface Envelope {
  href?: string;
  offset: number;
  limit: number;
  items: unknown[];
  /** Absent or null when there is none. */
  last?: { href: string } | null;
  next?: { href: string } | null;
}

export interface PagePositionRequest {
  offset: number;
  limit: number;
}

/** Fetches the page at one position; rejects once the signal aborts. */
export type PageFetcher<Page extends Envelope> = (position: PagePositionRequest, signal: AbortSignal) => Promise<Page>;

/** What every list request's parameters have in common. */
interface ListParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

// The listing is generic over every list path; at this one call the client is seen through
// the shape all those GETs share, since TypeScript cannot relate a generic path to its init.
type UntypedGet = (
  path: string,
  init: { params: ListParams; signal: AbortSignal },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

function checkEnvelope(data: unknown, url: string, requested: number): Envelope {
  if (data === null || typeof data !== "object") throw new InvalidPageError(url, "its body is not an object");
  const page = data as Partial<Envelope>;
  if (!Array.isArray(page.items)) throw new InvalidPageError(url, "its body has no items array");
  if (!Number.isSafeInteger(page.offset) || (page.offset as number) < 0) {
    throw new InvalidPageError(url, "its body has no non-negative integer offset");
  }
  // A page from elsewhere in the collection would repeat some items and skip others.
  if (page.offset !== requested)
    throw new InvalidPageError(url, `its offset is ${page.offset}, not the ${requested} asked for`);
  for (const name of ["next", "last"] as const) {
    const link: unknown = page[name];
    if (link != null && (typeof link !== "object" || typeof (link as { href?: unknown }).href !== "string")) {
      throw new InvalidPageError(url, `its ${name} link has no href`);
    }
  }
  return page as Envelope;
}

/**
 * Fetches pages through the client itself, so its credentials, validation, timeouts and
 * retries apply to every page. An error answer rejects with the ApiError subclass for its
 * status, as `unwrap` builds it.
 */
export function pageFetcher<Path extends ListPath, Page extends Envelope>(
  client: OrderClient,
  path: Path,
  init: ListInit<Path>,
): PageFetcher<Page> {
  const get = client.GET as unknown as UntypedGet;
  const params = init.params as ListParams;
  return async ({ offset, limit }, signal) => {
    const result = await get(path, { params: { ...params, query: { ...params.query, offset, limit } }, signal });
    const data = await unwrap(result);
    return checkEnvelope(data, result.response.url, offset) as Page;
  };
}
