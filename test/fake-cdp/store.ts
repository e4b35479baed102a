// The fake API's state: orders and everything under them, in memory, in creation order.
// Unlike Sitecore CDP (which matches orders with the same referenceId and orderedAt within
// two days), every create here makes a new record, so a duplicate create is visible to tests.
import { randomUUID } from "node:crypto";

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

interface Children {
  items: Set<string>;
  contacts: Set<string>;
  consumers: Set<string>;
}

function stamp(): Stamped {
  const now = new Date().toISOString();
  return { ref: randomUUID(), createdAt: now, modifiedAt: now };
}

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
  /** Guest refs by identity (first identifier, else first email). */
  private readonly guests = new Map<string, string>();

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
    return [...(this.byReferenceId.get(referenceId) ?? [])].map((ref) => this.orders.get(ref)!);
  }

  /** The orders whose contact resolved to the guest. */
  ordersOfGuest(guestRef: string): StoredOrder[] {
    const refs = new Set([...this.contacts.values()].filter((c) => c.guestRef === guestRef).map((c) => c.orderRef));
    return [...this.orders.values()].filter((order) => refs.has(order.ref));
  }

  replaceOrder(order: StoredOrder, fields: Fields): void {
    order.fields = fields;
    order.modifiedAt = new Date().toISOString();
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
    return [...(this.children.get(orderRef)?.items ?? [])].map((ref) => this.items.get(ref)!);
  }

  deleteItem(ref: string): void {
    const item = this.items.get(ref);
    if (item) this.children.get(item.orderRef)?.items.delete(ref);
    this.itemExtensions.delete(ref);
    this.items.delete(ref);
  }

  createPerson(kind: "contacts" | "consumers", orderRef: string, fields: Fields): StoredPerson {
    const person = { ...stamp(), orderRef, fields, guestRef: this.guestOf(fields) };
    this[kind].set(person.ref, person);
    this.children.get(orderRef)?.[kind].add(person.ref);
    return person;
  }

  peopleOf(kind: "contacts" | "consumers", orderRef: string): StoredPerson[] {
    return [...(this.children.get(orderRef)?.[kind] ?? [])].map((ref) => this[kind].get(ref)!);
  }

  replacePerson(person: StoredPerson, fields: Fields): void {
    person.fields = fields;
    person.guestRef = this.guestOf(fields);
    person.modifiedAt = new Date().toISOString();
  }

  deletePerson(kind: "contacts" | "consumers", ref: string): void {
    const person = this[kind].get(ref);
    if (person) this.children.get(person.orderRef)?.[kind].delete(ref);
    this[kind].delete(ref);
  }

  createExtension(
    kind: "orderExtensions" | "itemExtensions",
    ownerRef: string,
    values: ExtensionValues,
  ): StoredExtension {
    const extension = { ...stamp(), ownerRef, values };
    this[kind].set(ownerRef, extension);
    return extension;
  }

  /** The guest a person resolves to: the same identity always resolves to the same guest. */
  private guestOf(fields: Fields): string {
    const identifiers = fields.identifiers as { provider: string; id: string }[] | undefined;
    const emails = fields.emails as string[] | undefined;
    const first = identifiers?.[0];
    const identity = first ? `id:${first.provider}:${first.id}` : emails?.[0] ? `email:${emails[0]}` : undefined;
    if (identity === undefined) return randomUUID();
    let guest = this.guests.get(identity);
    if (guest === undefined) {
      guest = randomUUID();
      this.guests.set(identity, guest);
    }
    return guest;
  }
}
