import { CdpError } from "../errors/index.js";

/** Base class of the errors that only listing throws. */
export class PaginationError extends CdpError {
  override name = "PaginationError";
}

/** A listing option is out of range; nothing was sent. */
export class InvalidPaginationOptionError extends PaginationError {
  override name = "InvalidPaginationOptionError";
  readonly option: string;
  readonly value: unknown;

  constructor(option: string, value: unknown, expected: string) {
    super(`${option} must be ${expected}; got ${String(value)}. Nothing was sent.`);
    this.option = option;
    this.value = value;
  }
}

/**
 * A page link the listing would use points to another origin or does not say which page
 * it is. Nothing was sent to it: the listing only ever requests the client's own origin.
 */
export class PaginationLinkError extends PaginationError {
  override name = "PaginationLinkError";
  /** Which link of the page: `next` or `last`. */
  readonly link: "next" | "last";
  /** The link as the page gave it, without any user info. */
  readonly href: string;
  readonly expectedOrigin: string;

  constructor(link: "next" | "last", href: string, expectedOrigin: string, problem: string) {
    super(`The page's ${link} link ${problem}: ${href} (the client's origin is ${expectedOrigin}).`);
    this.link = link;
    this.href = href;
    this.expectedOrigin = expectedOrigin;
  }
}

/** The pages do not advance: a page came back twice, a link points backwards, or a page with no items says there is more. */
export class PaginationLoopError extends PaginationError {
  override name = "PaginationLoopError";
  readonly reason: "repeated-page" | "offset-not-advancing" | "empty-page";
  readonly offset: number;
  readonly previousOffset: number | undefined;

  constructor(
    reason: "repeated-page" | "offset-not-advancing" | "empty-page",
    detail: string,
    offset: number,
    previousOffset: number | undefined,
  ) {
    super(`The listing stopped instead of looping: ${detail}.`);
    this.reason = reason;
    this.offset = offset;
    this.previousOffset = previousOffset;
  }
}

/** A page answer is not a collection envelope (no `items` array, or no numeric `offset`). */
export class InvalidPageError extends PaginationError {
  override name = "InvalidPageError";
  readonly url: string;

  constructor(url: string, problem: string) {
    super(`GET ${url} answered 200 but ${problem}.`);
    this.url = url;
  }
}

/** `collect` found more items than its `max`; the requests still in flight were cancelled. */
export class TooManyItemsError extends PaginationError {
  override name = "TooManyItemsError";
  readonly max: number;

  constructor(max: number) {
    super(
      `The collection holds more than ${max} items (collect's max). Iterate with for await to process it page by page.`,
    );
    this.max = max;
  }
}
