import { printableUrl } from "../printable-url.js";
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
    throw new PaginationLinkError(which, printableUrl(href, baseUrl), expectedOrigin, "is not a URL");
  }
  if (url.origin !== expectedOrigin) {
    throw new PaginationLinkError(which, printableUrl(url.href), expectedOrigin, "points to another origin");
  }
  if (url.username !== "" || url.password !== "") {
    throw new PaginationLinkError(which, printableUrl(url.href), expectedOrigin, "carries user info");
  }
  const offset = nonNegativeInteger(url.searchParams.get("offset"));
  if (offset === undefined) return undefined;
  return { offset, limit: nonNegativeInteger(url.searchParams.get("limit")) };
}
