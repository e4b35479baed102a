// The fake's behaviour for each of the spec's 38 operations, over the in-memory store. A
// handler returns the status and body; a problem (a broken rule, an unknown ref) is thrown.
import { extensionRoutes } from "./extension-routes.js";
import type { FakeOperation } from "./operation-names.js";
import { personRoutes } from "./person-routes.js";
import { found, page, Problem, renderItem, renderOrder, type RouteAnswer, type RouteContext } from "./render.js";
import type { Fields, StoredOrder } from "./store.js";

export type Handler = (c: RouteContext) => RouteAnswer;

// Fields that identify an order: an update may repeat them, never change them.
const ORDER_IDENTITY = ["referenceId", "orderedAt"] as const;

/** The same value, or for orderedAt the same instant however it is written. */
function sameIdentity(key: (typeof ORDER_IDENTITY)[number], current: unknown, next: unknown): boolean {
  if (next === current || key !== "orderedAt" || typeof current !== "string" || typeof next !== "string")
    return next === current;
  return Date.parse(next) === Date.parse(current);
}

function keepIdentity(current: Fields, next: Fields): void {
  for (const key of ORDER_IDENTITY) {
    if (key in next && !sameIdentity(key, current[key], next[key]))
      throw new Problem(
        400,
        `${key} of an order cannot be changed.`,
        `${key} is ${JSON.stringify(current[key])}; an update may repeat it but not change it to ${JSON.stringify(next[key])}.`,
      );
  }
}

const order = (c: RouteContext) => found(c.store.orders.get(c.params.orderRef!), `Order ${c.params.orderRef}`);
const item = (c: RouteContext) =>
  found(c.store.items.get(c.params.orderItemRef!), `Order item ${c.params.orderItemRef}`);

/**
 * A create whose referenceId an order already has, with an orderedAt at most two days from
 * that order's, is that order: it answers it, with the create's other fields replacing its
 * own (its referenceId and orderedAt stay). With `duplicateOrders: "keep"` every create is new.
 */
function createOrder(c: RouteContext): RouteAnswer {
  const fields = c.body as Fields;
  const same: StoredOrder | undefined = c.duplicateOrders === "match" ? c.store.sameOrder(fields) : undefined;
  if (same === undefined) return { status: 201, body: renderOrder(c, c.store.createOrder(fields)) };
  const { referenceId, orderedAt } = same.fields;
  c.store.replaceOrder(same, { ...fields, referenceId, orderedAt });
  return { status: 201, body: renderOrder(c, same) };
}

function listOrders(c: RouteContext): RouteAnswer {
  const { referenceId, guestRef } = c.query as { referenceId?: string; guestRef?: string };
  if ((referenceId === undefined) === (guestRef === undefined))
    throw new Problem(400, "Give exactly one of referenceId and guestRef.");
  const orders =
    referenceId !== undefined ? c.store.ordersWithReferenceId(referenceId) : c.store.ordersOfGuest(guestRef!);
  const sorted =
    c.query.sort === "orderedAt"
      ? [...orders].sort((a, b) => Date.parse(String(a.fields.orderedAt)) - Date.parse(String(b.fields.orderedAt)))
      : orders;
  return { status: 200, body: page(c, sorted, (o) => renderOrder(c, o)) };
}

function updateOrder(c: RouteContext, merge: boolean): RouteAnswer {
  const current = order(c);
  const body = c.body as Fields;
  keepIdentity(current.fields, body);
  // The stored identity stays as first written, however an update spells the same instant.
  const { referenceId, orderedAt } = current.fields;
  c.store.replaceOrder(current, { ...(merge ? current.fields : {}), ...body, referenceId, orderedAt });
  return { status: 200, body: renderOrder(c, current) };
}

function updateItem(c: RouteContext, merge: boolean): RouteAnswer {
  const current = item(c);
  c.store.replaceItem(current, merge ? { ...current.fields, ...(c.body as Fields) } : (c.body as Fields));
  return { status: 200, body: renderItem(c, current) };
}

const contact = personRoutes("contacts", "orderContactRef", order);
const consumer = personRoutes("consumers", "orderConsumerRef", order);
const orderExtension = extensionRoutes("orderExtensions", order);
const itemExtension = extensionRoutes("itemExtensions", item);

/** Every operation of the spec, by `METHOD /path/template`. */
export const ROUTES = {
  "POST /v2.1/orders": createOrder,
  "GET /v2.1/orders": listOrders,
  "GET /v2.1/orders/{orderRef}": (c) => ({ status: 200, body: renderOrder(c, order(c)) }),
  "PUT /v2.1/orders/{orderRef}": (c) => updateOrder(c, false),
  "PATCH /v2.1/orders/{orderRef}": (c) => updateOrder(c, true),
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
    body: page(c, c.store.itemsOf(order(c).ref), (i) => renderItem(c, i)),
  }),
  "GET /v2.1/orderItems/{orderItemRef}": (c) => ({ status: 200, body: renderItem(c, item(c)) }),
  "PUT /v2.1/orderItems/{orderItemRef}": (c) => updateItem(c, false),
  "PATCH /v2.1/orderItems/{orderItemRef}": (c) => updateItem(c, true),
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
    consumer.existing(c);
    return { status: 200, body: page(c, [], (link: { href: string; ref: string }) => link) };
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
} satisfies Record<FakeOperation, Handler>;
