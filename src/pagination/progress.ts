import { PaginationLoopError } from "./errors.js";
import { printableUrl } from "../printable-url.js";
import type { Envelope } from "./page-request.js";

/**
 * Remembers which pages the listing has seen, in collection order, so a server that hands
 * back the same page, points backwards or links past an empty page ends the listing
 * instead of looping it.
 */
export class ProgressGuard {
  readonly #seenHrefs = new Set<string>();
  /** Resolves a relative page href for the error that names it. */
  readonly #baseUrl: string;
  #lastOffset: number | undefined;

  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl;
  }

  /** Checks a page before it is handed out; pages must arrive in collection order. */
  accept(page: Envelope): void {
    // Only an href that names its offset tells pages apart; some servers leave the query out.
    if (typeof page.href === "string" && /[?&]offset=/.test(page.href)) {
      if (this.#seenHrefs.has(page.href)) {
        throw new PaginationLoopError(
          "repeated-page",
          `the page ${printableUrl(page.href, this.#baseUrl)} came back twice`,
          page.offset,
          this.#lastOffset,
        );
      }
      this.#seenHrefs.add(page.href);
    }
    this.checkAdvance(page.offset);
    // Past the end of the collection, a server that still links a next page would be
    // followed for ever: no page after it adds an item.
    if (page.items.length === 0 && page.next != null) {
      throw new PaginationLoopError(
        "empty-page",
        `the page at offset ${page.offset} has no items but links a next page`,
        page.offset,
        this.#lastOffset,
      );
    }
    this.#lastOffset = page.offset;
  }

  /** Checks, before anything is sent, that a page at `offset` would come after the last one. */
  checkAdvance(offset: number): void {
    if (this.#lastOffset !== undefined && offset <= this.#lastOffset) {
      throw new PaginationLoopError(
        "offset-not-advancing",
        `offset ${offset} does not come after offset ${this.#lastOffset}`,
        offset,
        this.#lastOffset,
      );
    }
  }
}
