import { printableUrl } from "../printable-url.js";
import { onAbort } from "../transport/on-abort.js";
import { throwIfAborted } from "./abort.js";
import { PaginationLinkError } from "./errors.js";
import { isPageLimit } from "./limits.js";
import { readPageLink, type PagePosition } from "./links.js";
import type { Envelope, PageFetcher, PagePositionRequest } from "./page-request.js";
import { ProgressGuard } from "./progress.js";

export interface StreamSettings {
  /** The operation listed (`GET /path/template`), for messages. */
  operation: string;
  /** The client's base URL; page links must share its origin. */
  baseUrl: string;
  /** The first page to request. */
  start: PagePositionRequest;
  /** The most pages requested and not yet released by the consumer. */
  concurrency: number;
  signal: AbortSignal | undefined;
}

/** Where the listing goes on from a page, kept instead of the page so the page can be freed. */
interface Cursor {
  offset: number;
  next: { href: string } | undefined;
}

const ignore = () => undefined;

/**
 * Where the listing goes on from a page. A page that says there is more has its `last`
 * link checked too, on every page: a link off the client's origin ends the listing.
 */
function cursorOf(page: Envelope, baseUrl: string): Cursor {
  if (page.next && page.last) readPageLink("last", page.last.href, baseUrl);
  return { offset: page.offset, next: page.next ?? undefined };
}

/** The offset a `next` link names, and its limit when it is one the API accepts. */
function nextPosition(href: string, baseUrl: string): PagePosition {
  const position = readPageLink("next", href, baseUrl);
  if (position === undefined) {
    throw new PaginationLinkError("next", printableUrl(href, baseUrl), new URL(baseUrl).origin, "names no offset");
  }
  const limit = position.limit !== undefined && isPageLimit(position.limit) ? position.limit : undefined;
  return { offset: position.offset, limit };
}

/**
 * The offsets from the second page up to the one `last.href` names, when they line up
 * with the step between the first page and `next`; otherwise undefined, and the listing
 * follows `next` links one page at a time.
 */
function plannedOffsets(
  first: Envelope,
  next: PagePosition,
  baseUrl: string,
  limit: number,
): Iterator<number> | undefined {
  if (!first.last) return undefined;
  const last = readPageLink("last", first.last.href, baseUrl);
  if (last === undefined) return undefined;
  const step = next.offset - first.offset;
  // Pages of another size than the step would skip items or fetch them twice.
  if (step !== limit || last.offset < next.offset || (last.offset - next.offset) % step !== 0) return undefined;
  return (function* () {
    for (let offset = next.offset; offset <= last.offset; offset += step) yield offset;
  })();
}

/**
 * Yields the pages of a collection in order. After the first page, the pages up to
 * `last.href` are requested with at most `concurrency` of them in flight or held by the
 * consumer; past that (or without a usable `last`), `next` links are followed one by one.
 *
 * Closing the generator early (break, throw, or the caller's signal) aborts every request
 * in flight and waits for each to settle, so nothing is left running or rejecting unseen.
 */
export async function* streamPages<Page extends Envelope>(
  fetchPage: PageFetcher<Page>,
  settings: StreamSettings,
): AsyncGenerator<Page, void, undefined> {
  const { operation, baseUrl, start, concurrency, signal } = settings;
  const stopIfAborted = () => throwIfAborted(signal, operation, baseUrl);
  stopIfAborted();
  const cancel = new AbortController();
  const stopForwarding = signal ? onAbort(signal, () => cancel.abort(signal.reason)) : undefined;

  const unsettled = new Set<Promise<unknown>>();
  const request = (position: PagePositionRequest, signal = cancel.signal): Promise<Page> => {
    const page = fetchPage(position, signal);
    // Tracking the settlement also marks a rejection as handled while the page waits its turn.
    const settled = page.then(ignore, ignore);
    unsettled.add(settled);
    void settled.then(() => unsettled.delete(settled));
    return page;
  };
  const guard = new ProgressGuard(baseUrl);

  async function* window(
    offsets: Iterator<number>,
    limit: number,
  ): AsyncGenerator<Page, Cursor | undefined, undefined> {
    const queue: Promise<Page>[] = [];
    // The planned requests can be given up on their own when the plan no longer holds.
    const planned = new AbortController();
    const stopFollowing = onAbort(cancel.signal, () => planned.abort(cancel.signal.reason));
    const refill = () => {
      for (let free = concurrency - queue.length; free > 0; free--) {
        const offset = offsets.next();
        if (offset.done) return;
        queue.push(request({ offset: offset.value, limit }, planned.signal));
      }
    };
    try {
      refill();
      let cursor: Cursor | undefined;
      for (let head = queue.shift(); head !== undefined; head = queue.shift()) {
        let page: Page | undefined = await head;
        guard.accept(page);
        cursor = cursorOf(page, baseUrl);
        yield page;
        page = undefined; // released: the consumer is done with it
        stopIfAborted();
        if (cursor.next === undefined) return undefined; // the collection ended before `last` said
        // A page whose `next` is not the planned offset (a short page in the middle) ends
        // the plan: the pages planned past it are cancelled, and `next` is followed from here.
        if (nextPosition(cursor.next.href, baseUrl).offset !== cursor.offset + limit) return cursor;
        refill();
      }
      return cursor;
    } finally {
      // Whatever was planned and not yet taken is no longer needed, however the plan ended.
      stopFollowing();
      planned.abort(new DOMException("The listing no longer needs these pages.", "AbortError"));
    }
  }

  try {
    let first: Page | undefined = await request(start);
    guard.accept(first);
    let cursor: Cursor = cursorOf(first, baseUrl);
    let offsets: Iterator<number> | undefined;
    let limit = start.limit;
    // Links are read only when the page says there is more; then they must be usable.
    if (cursor.next !== undefined) {
      const next = nextPosition(cursor.next.href, baseUrl);
      guard.checkAdvance(next.offset);
      limit = next.limit ?? start.limit;
      // One page at a time follows `next`, which needs no plan.
      offsets = concurrency > 1 ? plannedOffsets(first, next, baseUrl, limit) : undefined;
    }
    yield first;
    first = undefined;
    stopIfAborted();

    if (offsets !== undefined) {
      const end = yield* window(offsets, limit);
      if (end === undefined) return;
      cursor = end;
    }
    while (cursor.next !== undefined) {
      const position = nextPosition(cursor.next.href, baseUrl);
      guard.checkAdvance(position.offset);
      let page: Page | undefined = await request({ offset: position.offset, limit: position.limit ?? limit });
      guard.accept(page);
      cursor = cursorOf(page, baseUrl);
      yield page;
      page = undefined;
      stopIfAborted();
    }
  } finally {
    stopForwarding?.();
    if (unsettled.size > 0) {
      cancel.abort(new DOMException("The listing was closed before these pages were needed.", "AbortError"));
      await Promise.allSettled(unsettled);
    }
  }
}
