// Turns what the API returns into lines in the import format: the writable fields only,
// in the spec's order, with server-assigned fields (refs, links, timestamps) left out.
import type { components } from "sitecore-cdp-orders";
import {
  ITEM_FIELDS,
  ORDER_FIELDS,
  PERSON_FIELDS,
  type ExtensionValues,
  type ItemLine,
  type OrderLine,
  type Person,
} from "../import/order-line.js";

type Schemas = components["schemas"];

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
  return Object.fromEntries(
    Object.entries(extension).filter(([key]) => !EXTENSION_METADATA.has(key)),
  ) as ExtensionValues;
}
