// What `verify` sends: one order with a contact, an item, a consumer and the data extension
// `ext` of the order and of the item, all named after the run so they can be told apart
// from a shop's data (and found, should a run be stopped before it deleted them).
import type { components } from "sitecore-cdp-orders";

type Schemas = components["schemas"];

export interface VerifyData {
  /** `cdp-orders-verify-<timestamp>`: the start of every referenceId the run sends. */
  prefix: string;
  order: Schemas["OrderInput"];
  orderPatch: Schemas["OrderPatch"];
  contact: Schemas["PersonInput"];
  contactPatch: Schemas["PersonInput"];
  item: Schemas["OrderItemInput"];
  itemPatch: Schemas["OrderItemPatch"];
  consumer: Schemas["OrderConsumerInput"];
  ext: Schemas["DataExtensionValues"];
  extUpdate: Schemas["DataExtensionValues"];
  extPatch: Schemas["DataExtensionValues"];
  /** The key the field removal takes out of the extension. */
  extRemovedKey: string;
}

/** The run's data; `now` names it and is its order's `orderedAt`. */
export function verifyData(now: Date): VerifyData {
  const prefix = `cdp-orders-verify-${now.getTime()}`;
  const person = (role: string) => ({
    firstName: "Verify",
    lastName: role,
    // A mailbox no one has, so the guest CDP resolves the person to is the run's own.
    emails: [`${prefix}-${role.toLowerCase()}@example.com`],
  });
  return {
    prefix,
    order: {
      referenceId: `${prefix}-order`,
      orderedAt: now.toISOString().replace(/\.\d+Z$/, "Z"),
      currencyCode: "EUR",
      price: 10,
      channel: "WEB",
      status: "PENDING",
    },
    orderPatch: { status: "PURCHASED" },
    contact: person("Contact"),
    contactPatch: { city: "Dublin" },
    item: {
      referenceId: `${prefix}-item`,
      name: "cdp-orders verify item",
      type: "VERIFY",
      price: 10,
      currencyCode: "EUR",
      status: "CONFIRMED",
      quantity: 1,
    },
    itemPatch: { quantity: 2 },
    consumer: person("Consumer"),
    ext: { verifyRun: prefix, verifyStep: "create" },
    extUpdate: { verifyRun: prefix, verifyStep: "update", verifyRemoved: true },
    extPatch: { verifyStep: "patch" },
    extRemovedKey: "verifyRemoved",
  };
}
