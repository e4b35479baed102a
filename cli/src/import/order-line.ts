// One line of an import (and export) file: an order with everything under it, in the
// shape the API's create requests take. Sub-resources sit under the keys below; every
// other key is a field of the order.
import type { components } from "sitecore-cdp-orders";

type Schemas = components["schemas"];
export type OrderFields = Schemas["OrderInput"];
export type ItemFields = Schemas["OrderItemInput"];
export type Person = Schemas["PersonInput"];
export type ExtensionValues = Schemas["DataExtensionValues"];

export type ItemLine = ItemFields & {
  /** Required in a line: items are matched to what already exists by it. */
  referenceId: string;
  /** The people who consume this item; created under the order (the API has no item link). */
  consumers?: Person[];
  ext?: ExtensionValues;
};

export type OrderLine = OrderFields & {
  contact?: Person;
  items?: ItemLine[];
  /** Consumers not tied to one item. */
  consumers?: Person[];
  ext?: ExtensionValues;
};

// Each list names every writable field of its schema; the type check fails if one is missing.
export const ORDER_FIELDS = Object.keys({
  referenceId: true,
  orderedAt: true,
  currencyCode: true,
  price: true,
  paymentType: true,
  cardType: true,
  pointOfSale: true,
  channel: true,
  status: true,
} satisfies Record<keyof Schemas["OrderAttributes"], true>);
export const ITEM_FIELDS = Object.keys({
  referenceId: true,
  name: true,
  description: true,
  type: true,
  productId: true,
  price: true,
  currencyCode: true,
  originalPrice: true,
  originalCurrencyCode: true,
  vendor: true,
  status: true,
  language: true,
  quantity: true,
  channel: true,
} satisfies Record<keyof Schemas["OrderItemAttributes"], true>);
export const PERSON_FIELDS = Object.keys({
  title: true,
  firstName: true,
  lastName: true,
  gender: true,
  dateOfBirth: true,
  emails: true,
  phoneNumbers: true,
  nationality: true,
  passportNumber: true,
  passportExpiry: true,
  street: true,
  city: true,
  state: true,
  country: true,
  identifiers: true,
} satisfies Record<keyof Schemas["Person"], true>);
/** The keys of a line that are not order fields. */
export const ORDER_CHILD_KEYS = ["contact", "items", "consumers", "ext"] as const;
/** The keys of an item in a line that are not item fields. */
export const ITEM_CHILD_KEYS = ["consumers", "ext"] as const;

function without<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

/** The body of the order's create request. */
export function orderFields(line: OrderLine): OrderFields {
  return without(line, ORDER_CHILD_KEYS) as OrderFields;
}

/** The body of an item's create request. */
export function itemFields(item: ItemLine): ItemFields {
  return without(item, ITEM_CHILD_KEYS) as ItemFields;
}

/** Every consumer of a line in creation order, each item's (in item order) then the order's own, with where it sits. */
export function consumersOf(line: OrderLine): { person: Person; item: number | undefined; at: string }[] {
  return [
    ...(line.items ?? []).flatMap((item, i) =>
      (item.consumers ?? []).map((person, j) => ({ person, item: i, at: `items[${i}].consumers[${j}]` })),
    ),
    ...(line.consumers ?? []).map((person, j) => ({ person, item: undefined, at: `consumers[${j}]` })),
  ];
}
