import { PaginationLinkError } from "./errors.js";

/** Where a page link points within the collection. */
export interface PagePosition {
  offset: number;
  /** The page size the link asks for, when it says. */
  limit: number | undefined;
}

function nonNegativeInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
}

/**
 * The href without user info, so an error message never repeats credentials put in a link;
 * one that is not a URL loses whatever stands between `//` and an `@` before its path.
 */
export function printableHref(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    const cut = href.replace(/^([^:/?#]*:)?\/\/[^/?#]*@/, (_, scheme: string | undefined) => `${scheme ?? ""}//`);
    return cut.length > 200 ? `${cut.slice(0, 200)}…` : cut;
  }
  url.username = "";
  url.password = "";
  return url.href;
}

/**
 * Checks that a page link stays on the client's origin and reads its position. The
 * listing never requests the link itself: it asks the client for that offset, so a
 * link can move the position but never the destination of the credentials.
 *
 * Returns undefined when the link is on the right origin but names no offset.
 */
export function readPageLink(which: "next" | "last", href: string, baseUrl: string): PagePosition | undefined {
  const expectedOrigin = new URL(baseUrl).origin;
  let url: URL | undefined;
  try {
    url = new URL(href, baseUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined) {
    throw new PaginationLinkError(which, printableHref(href), expectedOrigin, "is not a URL");
  }
  if (url.origin !== expectedOrigin) {
    throw new PaginationLinkError(which, printableHref(url.href), expectedOrigin, "points to another origin");
  }
  if (url.username !== "" || url.password !== "") {
    throw new PaginationLinkError(which, printableHref(url.href), expectedOrigin, "carries user info");
  }
  const offset = nonNegativeInteger(url.searchParams.get("offset"));
  if (offset === undefined) return undefined;
  return { offset, limit: nonNegativeInteger(url.searchParams.get("limit")) };
}
