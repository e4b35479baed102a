// Turns what the API returns into lines in the import format: the writable fields only,
// in the spec's order, with server-assigned fields (refs, links, timestamps) left out.
import type { components } from "../../../generated/schema.js";
import type { ExtensionValues, ItemLine, OrderLine, Person } from "../import/order-line.js";

type Schemas = components["schemas"];

// Each list names every writable field of its schema; the type check fails if one is missing.
const ORDER_FIELDS = Object.keys({
  referenceId: true, orderedAt: true, currencyCode: true, price: true, paymentType: true,
  cardType: true, pointOfSale: true, channel: true, status: true,
} satisfies Record<keyof Schemas["OrderAttributes"], true>);
const ITEM_FIELDS = Object.keys({
  referenceId: true, name: true, description: true, type: true, productId: true, price: true,
  currencyCode: true, originalPrice: true, originalCurrencyCode: true, vendor: true, status: true,
  language: true, quantity: true, channel: true,
} satisfies Record<keyof Schemas["OrderItemAttributes"], true>);
const PERSON_FIELDS = Object.keys({
  title: true, firstName: true, lastName: true, gender: true, dateOfBirth: true, emails: true,
  phoneNumbers: true, nationality: true, passportNumber: true, passportExpiry: true, street: true,
  city: true, state: true, country: true, identifiers: true,
} satisfies Record<keyof Schemas["Person"], true>);
// The metadata of a data extension; every other top-level key is one of its pairs.
const EXTENSION_METADATA = new Set(["name", "key", "ref", "href", "createdAt", "modifiedAt", "order", "orderItem"]);

function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const record = source as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => record[key] !== undefined).map((key) => [key, record[key]]));
}

export function orderLine(order: Schemas["Order"]): OrderLine {
  return pick(order, ORDER_FIELDS) as OrderLine;
}

export function itemLine(item: Schemas["OrderItem"]): ItemLine {
  return pick(item, ITEM_FIELDS) as ItemLine;
}

export function personLine(person: Schemas["OrderContact"] | Schemas["OrderConsumer"]): Person {
  return pick(person, PERSON_FIELDS) as Person;
}

export function extensionValues(extension: object): ExtensionValues {
  return Object.fromEntries(Object.entries(extension).filter(([key]) => !EXTENSION_METADATA.has(key))) as ExtensionValues;
}
