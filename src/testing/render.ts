// How the fake answers: records as the API shows them, with hrefs on the request's own base
// URL, and collections as pages with the envelope the spec describes.
import type {
  ExtensionKind,
  FakeStore,
  PersonKind,
  StoredChild,
  StoredExtension,
  StoredOrder,
  StoredPerson,
} from "./store.js";

export interface RouteContext {
  store: FakeStore;
  /** The base URL the request was sent to (`https://host` and any path before `/v2.1/`), for hrefs. */
  base: string;
  /** The request's URL without its query, for page links. */
  pageUrl: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** Orders with the same referenceId and orderedAt within two days are one order, or every create is new. */
  duplicateOrders: "match" | "keep";
  /** Lists answer links even with `expand=true`, as a list that ignores it would. */
  ignoreExpand: boolean;
}

export interface RouteAnswer {
  status: number;
  body?: unknown;
}

/** An error answer with the Error body the spec describes, thrown by a handler. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly developerMessage = message,
  ) {
    super(message);
  }
}

export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Problem(404, `${what} was not found.`);
  return value;
}

const stamps = (record: { ref: string; createdAt: string; modifiedAt: string }, href: string) => ({
  ref: record.ref,
  href,
  createdAt: record.createdAt,
  modifiedAt: record.modifiedAt,
});

export const orderHref = (c: RouteContext, ref: string) => `${c.base}/v2.1/orders/${ref}`;
export const itemHref = (c: RouteContext, ref: string) => `${c.base}/v2.1/orderItems/${ref}`;

export function renderOrder(c: RouteContext, order: StoredOrder) {
  return { ...order.fields, ...stamps(order, orderHref(c, order.ref)) };
}

export function renderItem(c: RouteContext, item: StoredChild) {
  const order = c.store.orders.get(item.orderRef);
  return {
    ...item.fields,
    ...stamps(item, itemHref(c, item.ref)),
    ...(order ? { orderedAt: order.fields.orderedAt } : {}),
    order: { href: orderHref(c, item.orderRef) },
  };
}

export function renderPerson(c: RouteContext, kind: PersonKind, person: StoredPerson) {
  const href =
    kind === "contacts" ? `${c.base}/v2.1/orderContacts/${person.ref}` : `${c.base}/v2.1/orderConsumers/${person.ref}`;
  return {
    ...person.fields,
    ...stamps(person, href),
    guest: { href: `${c.base}/v2.1/guests/${person.guestRef}` },
    order: { href: orderHref(c, person.orderRef) },
    ...(kind === "consumers" ? { orderItems: { href: `${href}/orderItems` } } : {}),
  };
}

export function renderExtension(c: RouteContext, kind: ExtensionKind, extension: StoredExtension) {
  const owner = kind === "orderExtensions" ? orderHref(c, extension.ownerRef) : itemHref(c, extension.ownerRef);
  return {
    ...extension.values,
    name: "ext",
    key: "default",
    ...stamps(extension, `${owner}/extensions/ext`),
    ...(kind === "orderExtensions" ? { order: { href: owner } } : { orderItem: { href: owner } }),
  };
}

/** One page of a collection, with the envelope the spec describes; members are links unless `expand=true`. */
export function page<R>(
  c: RouteContext,
  all: readonly R[],
  render: (record: R) => { href: string; ref: string },
  extra: Record<string, unknown> = {},
) {
  const offset = (c.query.offset as number | undefined) ?? 0;
  const limit = (c.query.limit as number | undefined) ?? 10;
  const expand = c.query.expand === true && !c.ignoreExpand;
  const link = (at: number) => {
    const search = new URLSearchParams(Object.entries(c.query).map(([k, v]) => [k, String(v)]));
    search.set("offset", String(at));
    search.set("limit", String(limit));
    return { href: `${c.pageUrl}?${search}` };
  };
  const lastOffset = Math.floor(Math.max(all.length - 1, 0) / limit) * limit;
  return {
    ...extra,
    ...link(offset),
    offset,
    limit,
    first: link(0),
    last: link(lastOffset),
    ...(offset + limit < all.length ? { next: link(offset + limit) } : {}),
    items: all.slice(offset, offset + limit).map((record) => {
      const member = render(record);
      return expand ? member : { href: member.href, ref: member.ref };
    }),
  };
}
