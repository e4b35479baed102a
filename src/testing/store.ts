// The fake API's state: orders and everything under them, in memory, in creation order.
// Deleting an order deletes what is under it (items, contacts, consumers, data extensions);
// deleting an item deletes its data extension.
import { Guests } from "./guests.js";

export type Fields = Record<string, unknown>;
export type ExtensionValues = Record<string, string | number | boolean>;

interface Stamped {
  ref: string;
  createdAt: string;
  modifiedAt: string;
}

export interface StoredOrder extends Stamped {
  fields: Fields;
}

export interface StoredChild extends Stamped {
  orderRef: string;
  fields: Fields;
}

export interface StoredPerson extends StoredChild {
  guestRef: string;
}

export interface StoredExtension extends Stamped {
  /** The order or order item the extension belongs to. */
  ownerRef: string;
  values: ExtensionValues;
}

export type PersonKind = "contacts" | "consumers";
export type ExtensionKind = "orderExtensions" | "itemExtensions";

interface Children {
  items: Set<string>;
  contacts: Set<string>;
  consumers: Set<string>;
}

/** Orders with the same referenceId whose orderedAt values are at most this far apart are one order. */
export const SAME_ORDER_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

const now = () => new Date().toISOString();

function stamp(): Stamped {
  const at = now();
  return { ref: crypto.randomUUID(), createdAt: at, modifiedAt: at };
}

/** Whether two orderedAt values are within the window; a value no date parser reads matches only itself. */
export function withinSameOrderWindow(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "string" || typeof b !== "string") return false;
  const distance = Math.abs(Date.parse(a) - Date.parse(b));
  return distance <= SAME_ORDER_WINDOW_MS;
}

/**
 * The records, by ref. The maps are the state; the indexes beside them only speed look-ups
 * up, and a look-up checks what it finds against the maps, so clearing a map is enough.
 */
export class FakeStore {
  readonly orders = new Map<string, StoredOrder>();
  readonly items = new Map<string, StoredChild>();
  readonly contacts = new Map<string, StoredPerson>();
  readonly consumers = new Map<string, StoredPerson>();
  /** By order ref: an order has at most one extension, `ext`. */
  readonly orderExtensions = new Map<string, StoredExtension>();
  /** By order item ref. */
  readonly itemExtensions = new Map<string, StoredExtension>();
  private readonly children = new Map<string, Children>();
  private readonly byReferenceId = new Map<string, Set<string>>();
  private readonly guests = new Guests();

  /** Empties the store, guests included. */
  clear(): void {
    for (const map of [this.orders, this.items, this.contacts, this.consumers]) map.clear();
    this.orderExtensions.clear();
    this.itemExtensions.clear();
    this.children.clear();
    this.byReferenceId.clear();
    this.guests.clear();
  }

  createOrder(fields: Fields): StoredOrder {
    const order = { ...stamp(), fields };
    this.orders.set(order.ref, order);
    this.children.set(order.ref, { items: new Set(), contacts: new Set(), consumers: new Set() });
    const referenceId = String(fields.referenceId);
    const same = this.byReferenceId.get(referenceId) ?? new Set<string>();
    same.add(order.ref);
    this.byReferenceId.set(referenceId, same);
    return order;
  }

  ordersWithReferenceId(referenceId: string): StoredOrder[] {
    return this.existing(this.orders, this.byReferenceId.get(referenceId)).filter(
      (order) => order.fields.referenceId === referenceId,
    );
  }

  /** The first order the API would take an order with these identity fields to be. */
  sameOrder(fields: Fields): StoredOrder | undefined {
    return this.ordersWithReferenceId(String(fields.referenceId)).find((order) =>
      withinSameOrderWindow(order.fields.orderedAt, fields.orderedAt),
    );
  }

  /** The orders whose contact resolved to the guest. */
  ordersOfGuest(guestRef: string): StoredOrder[] {
    const refs = new Set([...this.contacts.values()].filter((c) => c.guestRef === guestRef).map((c) => c.orderRef));
    return [...this.orders.values()].filter((order) => refs.has(order.ref));
  }

  replaceOrder(order: StoredOrder, fields: Fields): void {
    order.fields = fields;
    order.modifiedAt = now();
  }

  deleteOrder(ref: string): void {
    const children = this.children.get(ref);
    for (const itemRef of children?.items ?? []) this.deleteItem(itemRef);
    for (const contactRef of children?.contacts ?? []) this.contacts.delete(contactRef);
    for (const consumerRef of children?.consumers ?? []) this.consumers.delete(consumerRef);
    this.orderExtensions.delete(ref);
    const order = this.orders.get(ref);
    if (order) this.byReferenceId.get(String(order.fields.referenceId))?.delete(ref);
    this.orders.delete(ref);
    this.children.delete(ref);
  }

  createItem(orderRef: string, fields: Fields): StoredChild {
    const item = { ...stamp(), orderRef, fields };
    this.items.set(item.ref, item);
    this.children.get(orderRef)?.items.add(item.ref);
    return item;
  }

  itemsOf(orderRef: string): StoredChild[] {
    return this.existing(this.items, this.children.get(orderRef)?.items);
  }

  replaceItem(item: StoredChild, fields: Fields): void {
    item.fields = fields;
    item.modifiedAt = now();
  }

  deleteItem(ref: string): void {
    const item = this.items.get(ref);
    if (item) this.children.get(item.orderRef)?.items.delete(ref);
    this.itemExtensions.delete(ref);
    this.items.delete(ref);
  }

  createPerson(kind: PersonKind, orderRef: string, fields: Fields): StoredPerson {
    const person = { ...stamp(), orderRef, fields, guestRef: this.guests.of(fields) };
    this[kind].set(person.ref, person);
    this.children.get(orderRef)?.[kind].add(person.ref);
    return person;
  }

  peopleOf(kind: PersonKind, orderRef: string): StoredPerson[] {
    return this.existing(this[kind], this.children.get(orderRef)?.[kind]);
  }

  replacePerson(person: StoredPerson, fields: Fields): void {
    person.fields = fields;
    person.guestRef = this.guests.of(fields);
    person.modifiedAt = now();
  }

  deletePerson(kind: PersonKind, ref: string): void {
    const person = this[kind].get(ref);
    if (person) this.children.get(person.orderRef)?.[kind].delete(ref);
    this[kind].delete(ref);
  }

  createExtension(kind: ExtensionKind, ownerRef: string, values: ExtensionValues): StoredExtension {
    const extension = { ...stamp(), ownerRef, values };
    this[kind].set(ownerRef, extension);
    return extension;
  }

  replaceExtension(extension: StoredExtension, values: ExtensionValues): void {
    extension.values = values;
    extension.modifiedAt = now();
  }

  /** The records of `refs` that are still in `map`, in the order of `refs`. */
  private existing<T>(map: Map<string, T>, refs: Iterable<string> | undefined): T[] {
    const found: T[] = [];
    for (const ref of refs ?? []) {
      const record = map.get(ref);
      if (record !== undefined) found.push(record);
    }
    return found;
  }
}
