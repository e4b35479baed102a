// The fake's behaviour for each of the spec's operations, over the in-memory store.
// A handler returns the status and body; a problem (bad request, unknown ref) is thrown.
import type {
  ExtensionValues,
  Fields,
  FakeStore,
  StoredChild,
  StoredExtension,
  StoredOrder,
  StoredPerson,
} from "./store.js";

export interface RouteContext {
  store: FakeStore;
  /** `http://127.0.0.1:<port>`, for absolute hrefs. */
  origin: string;
  /** The request path, for page links. */
  path: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** Lists answer links even with `expand=true`, as a list that ignores it would. */
  ignoreExpand?: boolean;
}

export interface RouteAnswer {
  status: number;
  body?: unknown;
}

/** An error answer with the Error body the spec describes. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Fields a full update keeps from the record: they identify the order and cannot change.
const ORDER_IDENTITY = ["referenceId", "orderedAt"] as const;

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Problem(404, `${what} was not found.`);
  return value;
}

const stamps = (record: { ref: string; createdAt: string; modifiedAt: string }, href: string) => ({
  ref: record.ref,
  href,
  createdAt: record.createdAt,
  modifiedAt: record.modifiedAt,
});

const orderHref = (c: RouteContext, ref: string) => `${c.origin}/v2.1/orders/${ref}`;
const itemHref = (c: RouteContext, ref: string) => `${c.origin}/v2.1/orderItems/${ref}`;

function renderOrder(c: RouteContext, order: StoredOrder) {
  return { ...order.fields, ...stamps(order, orderHref(c, order.ref)) };
}

function renderItem(c: RouteContext, item: StoredChild) {
  const order = c.store.orders.get(item.orderRef);
  return {
    ...item.fields,
    ...stamps(item, itemHref(c, item.ref)),
    ...(order ? { orderedAt: order.fields.orderedAt } : {}),
    order: { href: orderHref(c, item.orderRef) },
  };
}

function renderPerson(c: RouteContext, kind: "contacts" | "consumers", person: StoredPerson) {
  const href =
    kind === "contacts"
      ? `${c.origin}/v2.1/orderContacts/${person.ref}`
      : `${c.origin}/v2.1/orderConsumers/${person.ref}`;
  return {
    ...person.fields,
    ...stamps(person, href),
    guest: { href: `${c.origin}/v2.1/guests/${person.guestRef}` },
    order: { href: orderHref(c, person.orderRef) },
    ...(kind === "consumers" ? { orderItems: { href: `${href}/orderItems` } } : {}),
  };
}

function renderExtension(c: RouteContext, kind: "orderExtensions" | "itemExtensions", extension: StoredExtension) {
  const owner = kind === "orderExtensions" ? orderHref(c, extension.ownerRef) : itemHref(c, extension.ownerRef);
  return {
    ...extension.values,
    name: "ext",
    key: "default",
    ...stamps(extension, `${owner}/extensions/ext`),
    ...(kind === "orderExtensions" ? { order: { href: owner } } : { orderItem: { href: owner } }),
  };
}

/** One page of a collection, with the envelope the spec describes. */
function page<T extends { href: string; ref: string }>(c: RouteContext, all: T[], extra: Record<string, unknown> = {}) {
  const offset = (c.query.offset as number | undefined) ?? 0;
  const limit = (c.query.limit as number | undefined) ?? 10;
  const expand = c.query.expand === true && !c.ignoreExpand;
  const link = (at: number) => {
    const search = new URLSearchParams(Object.entries(c.query).map(([k, v]) => [k, String(v)]));
    search.set("offset", String(at));
    search.set("limit", String(limit));
    return { href: `${c.origin}${c.path}?${search}` };
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
    items: all
      .slice(offset, offset + limit)
      .map((member) => (expand ? member : { href: member.href, ref: member.ref })),
  };
}

const order = (c: RouteContext) => found(c.store.orders.get(c.params.orderRef!), `Order ${c.params.orderRef}`);
const item = (c: RouteContext) =>
  found(c.store.items.get(c.params.orderItemRef!), `Order item ${c.params.orderItemRef}`);
const person = (c: RouteContext, kind: "contacts" | "consumers", param: string) =>
  found(
    c.store[kind].get(c.params[param]!),
    `Order ${kind === "contacts" ? "contact" : "consumer"} ${c.params[param]}`,
  );

/** The same value, or for orderedAt the same instant however it is written. */
function sameIdentity(key: (typeof ORDER_IDENTITY)[number], current: unknown, next: unknown): boolean {
  if (next === current || key !== "orderedAt" || typeof current !== "string" || typeof next !== "string")
    return next === current;
  return Date.parse(next) === Date.parse(current);
}

function keepIdentity(current: Fields, next: Fields): void {
  for (const key of ORDER_IDENTITY) {
    if (key in next && !sameIdentity(key, current[key], next[key]))
      throw new Problem(400, `${key} of an order cannot be changed.`);
  }
}

/** Sitecore's limit on a data extension, which a merge can pass though each request keeps within it. */
const MAX_EXTENSION_PAIRS = 100;

/** The four operations on the extension `ext` of an order or an order item, and its field removal. */
function extensionRoutes(kind: "orderExtensions" | "itemExtensions", owner: (c: RouteContext) => { ref: string }) {
  const existing = (c: RouteContext) => found(c.store[kind].get(owner(c).ref), "The data extension ext");
  return {
    create(c: RouteContext): RouteAnswer {
      const ref = owner(c).ref;
      if (c.store[kind].has(ref)) throw new Problem(400, "The data extension ext already exists; update it instead.");
      return {
        status: 201,
        body: renderExtension(c, kind, c.store.createExtension(kind, ref, c.body as ExtensionValues)),
      };
    },
    list: (c: RouteContext): RouteAnswer => {
      const extension = c.store[kind].get(owner(c).ref);
      return { status: 200, body: page(c, extension ? [renderExtension(c, kind, extension)] : [], { name: "ext" }) };
    },
    get: (c: RouteContext): RouteAnswer => ({ status: 200, body: renderExtension(c, kind, existing(c)) }),
    update(c: RouteContext, merge: boolean): RouteAnswer {
      const extension = existing(c);
      const values = merge ? { ...extension.values, ...(c.body as ExtensionValues) } : (c.body as ExtensionValues);
      const pairs = Object.keys(values).length;
      if (pairs > MAX_EXTENSION_PAIRS)
        throw new Problem(
          400,
          `A data extension holds at most ${MAX_EXTENSION_PAIRS} key-value pairs; this update would leave ${pairs}.`,
        );
      extension.values = values;
      extension.modifiedAt = new Date().toISOString();
      return { status: 200, body: renderExtension(c, kind, extension) };
    },
    remove(c: RouteContext): RouteAnswer {
      existing(c);
      c.store[kind].delete(owner(c).ref);
      return { status: 204 };
    },
    removeFields(c: RouteContext): RouteAnswer {
      const extension = existing(c);
      const names = typeof c.query.name === "string" ? new Set(c.query.name.split("|")) : undefined;
      extension.values = Object.fromEntries(
        Object.entries(extension.values).filter(([key]) => names !== undefined && !names.has(key)),
      );
      extension.modifiedAt = new Date().toISOString();
      return { status: 200, body: renderExtension(c, kind, extension) };
    },
  };
}

const orderExtension = extensionRoutes("orderExtensions", order);
const itemExtension = extensionRoutes("itemExtensions", item);

function personRoutes(kind: "contacts" | "consumers", param: string) {
  return {
    create: (c: RouteContext): RouteAnswer => ({
      status: 201,
      body: renderPerson(c, kind, c.store.createPerson(kind, order(c).ref, c.body as Fields)),
    }),
    list: (c: RouteContext): RouteAnswer => ({
      status: 200,
      body: page(
        c,
        c.store.peopleOf(kind, order(c).ref).map((p) => renderPerson(c, kind, p)),
      ),
    }),
    get: (c: RouteContext): RouteAnswer => ({ status: 200, body: renderPerson(c, kind, person(c, kind, param)) }),
    update(c: RouteContext, merge: boolean): RouteAnswer {
      const current = person(c, kind, param);
      c.store.replacePerson(current, merge ? { ...current.fields, ...(c.body as Fields) } : (c.body as Fields));
      return { status: 200, body: renderPerson(c, kind, current) };
    },
    remove(c: RouteContext): RouteAnswer {
      c.store.deletePerson(kind, person(c, kind, param).ref);
      return { status: 204 };
    },
  };
}

const contact = personRoutes("contacts", "orderContactRef");
const consumer = personRoutes("consumers", "orderConsumerRef");

export const ROUTES: Record<string, (c: RouteContext) => RouteAnswer> = {
  "POST /v2.1/orders": (c) => ({ status: 201, body: renderOrder(c, c.store.createOrder(c.body as Fields)) }),
  "GET /v2.1/orders"(c) {
    const { referenceId, guestRef } = c.query as { referenceId?: string; guestRef?: string };
    if ((referenceId === undefined) === (guestRef === undefined))
      throw new Problem(400, "Give exactly one of referenceId and guestRef.");
    const orders =
      referenceId !== undefined ? c.store.ordersWithReferenceId(referenceId) : c.store.ordersOfGuest(guestRef!);
    const sorted =
      c.query.sort === "orderedAt"
        ? [...orders].sort((a, b) => Date.parse(String(a.fields.orderedAt)) - Date.parse(String(b.fields.orderedAt)))
        : orders;
    return {
      status: 200,
      body: page(
        c,
        sorted.map((o) => renderOrder(c, o)),
      ),
    };
  },
  "GET /v2.1/orders/{orderRef}": (c) => ({ status: 200, body: renderOrder(c, order(c)) }),
  "PUT /v2.1/orders/{orderRef}"(c) {
    const current = order(c);
    keepIdentity(current.fields, c.body as Fields);
    c.store.replaceOrder(current, c.body as Fields);
    return { status: 200, body: renderOrder(c, current) };
  },
  "PATCH /v2.1/orders/{orderRef}"(c) {
    const current = order(c);
    keepIdentity(current.fields, c.body as Fields);
    c.store.replaceOrder(current, { ...current.fields, ...(c.body as Fields) });
    return { status: 200, body: renderOrder(c, current) };
  },
  "DELETE /v2.1/orders/{orderRef}"(c) {
    c.store.deleteOrder(order(c).ref);
    return { status: 204 };
  },

  "POST /v2.1/orders/{orderRef}/orderItems": (c) => ({
    status: 201,
    body: renderItem(c, c.store.createItem(order(c).ref, c.body as Fields)),
  }),
  "GET /v2.1/orders/{orderRef}/orderItems": (c) => ({
    status: 200,
    body: page(
      c,
      c.store.itemsOf(order(c).ref).map((i) => renderItem(c, i)),
    ),
  }),
  "GET /v2.1/orderItems/{orderItemRef}": (c) => ({ status: 200, body: renderItem(c, item(c)) }),
  "PUT /v2.1/orderItems/{orderItemRef}"(c) {
    const current = item(c);
    Object.assign(current, { fields: c.body as Fields, modifiedAt: new Date().toISOString() });
    return { status: 200, body: renderItem(c, current) };
  },
  "PATCH /v2.1/orderItems/{orderItemRef}"(c) {
    const current = item(c);
    Object.assign(current, {
      fields: { ...current.fields, ...(c.body as Fields) },
      modifiedAt: new Date().toISOString(),
    });
    return { status: 200, body: renderItem(c, current) };
  },
  "DELETE /v2.1/orderItems/{orderItemRef}"(c) {
    c.store.deleteItem(item(c).ref);
    return { status: 204 };
  },

  "POST /v2.1/orders/{orderRef}/contacts": contact.create,
  "GET /v2.1/orders/{orderRef}/contacts": contact.list,
  "GET /v2.1/orderContacts/{orderContactRef}": contact.get,
  "PUT /v2.1/orderContacts/{orderContactRef}": (c) => contact.update(c, false),
  "PATCH /v2.1/orderContacts/{orderContactRef}": (c) => contact.update(c, true),
  "DELETE /v2.1/orderContacts/{orderContactRef}": contact.remove,

  "POST /v2.1/orders/{orderRef}/consumers": consumer.create,
  "GET /v2.1/orders/{orderRef}/consumers": consumer.list,
  "GET /v2.1/orderConsumers/{orderConsumerRef}": consumer.get,
  "PUT /v2.1/orderConsumers/{orderConsumerRef}": (c) => consumer.update(c, false),
  "DELETE /v2.1/orderConsumers/{orderConsumerRef}": consumer.remove,
  // The API offers no way to link a consumer to order items, so the fake has no links to list.
  "GET /v2.1/orderConsumers/{orderConsumerRef}/orderItems"(c) {
    person(c, "consumers", "orderConsumerRef");
    return { status: 200, body: page(c, []) };
  },

  "GET /v2.1/orders/{orderRef}/extensions": orderExtension.list,
  "POST /v2.1/orders/{orderRef}/extensions/{dataExtensionName}": orderExtension.create,
  "GET /v2.1/orders/{orderRef}/extensions/{dataExtensionName}": orderExtension.get,
  "PUT /v2.1/orders/{orderRef}/extensions/{dataExtensionName}": (c) => orderExtension.update(c, false),
  "PATCH /v2.1/orders/{orderRef}/extensions/{dataExtensionName}": (c) => orderExtension.update(c, true),
  "DELETE /v2.1/orders/{orderRef}/extensions/{dataExtensionName}": orderExtension.remove,
  "DELETE /v2.1/orders/{orderRef}/extensions/{dataExtensionName}/fields": orderExtension.removeFields,

  "GET /v2.1/orderItems/{orderItemRef}/extensions": itemExtension.list,
  "POST /v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}": itemExtension.create,
  "GET /v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}": itemExtension.get,
  "PUT /v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}": (c) => itemExtension.update(c, false),
  "PATCH /v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}": (c) => itemExtension.update(c, true),
  "DELETE /v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}": itemExtension.remove,
  "DELETE /v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}/fields": itemExtension.removeFields,
};
