// What the verify tests share: the JSON report's shape as they read it, and what the fake holds.
import type { FakeCdp } from "../../test/fake-cdp/server.js";
import type { verifyJson } from "../src/verify/report.js";

export type VerifyReport = ReturnType<typeof verifyJson>;

/** How many of each resource the fake holds. */
export function fakeHolds({ store }: FakeCdp) {
  return {
    orders: store.orders.size,
    items: store.items.size,
    contacts: store.contacts.size,
    consumers: store.consumers.size,
    orderExtensions: store.orderExtensions.size,
    itemExtensions: store.itemExtensions.size,
  };
}
