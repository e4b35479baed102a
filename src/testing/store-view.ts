// What a test can read of the fake's state: frozen copies, taken when asked for, so nothing
// it holds changes under it and nothing it does changes the fake.
import type { ExtensionValues, FakeStore, StoredChild, StoredOrder, StoredPerson } from "./store.js";

/** A record as it was last written: the fields sent, and what the fake assigned. */
export interface FakeRecord {
  readonly ref: string;
  readonly createdAt: string;
  readonly modifiedAt: string;
  /** The body of the create or of the last update, as sent (a merge keeps what it did not send). */
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface FakeOrderItem extends FakeRecord {
  /** The item's data extension `ext`, if it has one. */
  readonly extension?: Readonly<ExtensionValues>;
}

export interface FakePerson extends FakeRecord {
  /** The guest the person resolved to (the same identifier or email, the same guest). */
  readonly guestRef: string;
}

export interface FakeOrder extends FakeRecord {
  readonly items: readonly FakeOrderItem[];
  readonly contacts: readonly FakePerson[];
  readonly consumers: readonly FakePerson[];
  /** The order's data extension `ext`, if it has one. */
  readonly extension?: Readonly<ExtensionValues>;
}

export interface FakeCounts {
  readonly orders: number;
  readonly items: number;
  readonly contacts: number;
  readonly consumers: number;
  /** Data extensions of orders and of order items. */
  readonly extensions: number;
}

/** Read-only inspection of the fake's state; every answer is a frozen copy, in creation order. */
export interface FakeStoreView {
  orders(): readonly FakeOrder[];
  order(ref: string): FakeOrder | undefined;
  ordersWithReferenceId(referenceId: string): readonly FakeOrder[];
  counts(): FakeCounts;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const record = ({ ref, createdAt, modifiedAt, fields }: StoredChild | StoredOrder): FakeRecord => ({
  ref,
  createdAt,
  modifiedAt,
  fields: structuredClone(fields),
});

const withExtension = (extension: { values: ExtensionValues } | undefined) =>
  extension === undefined ? {} : { extension: { ...extension.values } };

function orderOf(store: FakeStore, order: StoredOrder): FakeOrder {
  const person = (p: StoredPerson): FakePerson => ({ ...record(p), guestRef: p.guestRef });
  return deepFreeze({
    ...record(order),
    items: store.itemsOf(order.ref).map((item) => ({
      ...record(item),
      ...withExtension(store.itemExtensions.get(item.ref)),
    })),
    contacts: store.peopleOf("contacts", order.ref).map(person),
    consumers: store.peopleOf("consumers", order.ref).map(person),
    ...withExtension(store.orderExtensions.get(order.ref)),
  });
}

export function storeView(store: FakeStore): FakeStoreView {
  return Object.freeze({
    orders: () => Object.freeze([...store.orders.values()].map((order) => orderOf(store, order))),
    order(ref: string) {
      const order = store.orders.get(ref);
      return order === undefined ? undefined : orderOf(store, order);
    },
    ordersWithReferenceId: (referenceId: string) =>
      Object.freeze(store.ordersWithReferenceId(referenceId).map((order) => orderOf(store, order))),
    counts: () =>
      Object.freeze({
        orders: store.orders.size,
        items: store.items.size,
        contacts: store.contacts.size,
        consumers: store.consumers.size,
        extensions: store.orderExtensions.size + store.itemExtensions.size,
      }),
  });
}
