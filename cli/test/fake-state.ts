// What the fake holds after an import, compared with the input, line by line.
import { consumersOf, itemFields, orderFields, type OrderLine } from "../src/import/order-line.js";
import type { FakeStore } from "../../test/fake-cdp/server.js";

/** Every problem found: a missing or duplicated order, or a child that is missing, extra or different. */
export function exactlyOnceProblems(store: FakeStore, lines: readonly OrderLine[]): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
  let items = 0;
  let consumers = 0;
  let contacts = 0;
  let orderExtensions = 0;
  let itemExtensions = 0;
  for (const line of lines) {
    const id = line.referenceId;
    const orders = store.ordersWithReferenceId(id);
    expect(orders.length === 1, `${id}: ${orders.length} orders`);
    const order = orders[0];
    if (!order) continue;
    expect(same(order.fields, orderFields(line)), `${id}: order fields differ`);
    const storedContacts = store.peopleOf("contacts", order.ref);
    contacts += line.contact ? 1 : 0;
    expect(storedContacts.length === (line.contact ? 1 : 0), `${id}: ${storedContacts.length} contacts`);
    if (line.contact && storedContacts[0])
      expect(same(storedContacts[0].fields, line.contact), `${id}: contact differs`);
    const storedItems = store.itemsOf(order.ref);
    items += line.items?.length ?? 0;
    expect(storedItems.length === (line.items?.length ?? 0), `${id}: ${storedItems.length} items`);
    for (const item of line.items ?? []) {
      const matches = storedItems.filter((stored) => stored.fields.referenceId === item.referenceId);
      expect(matches.length === 1, `${id}: ${matches.length} items ${item.referenceId}`);
      if (matches[0]) expect(same(matches[0].fields, itemFields(item)), `${id}: item ${item.referenceId} differs`);
      if (item.ext) {
        itemExtensions++;
        const ext = matches[0] && store.itemExtensions.get(matches[0].ref);
        expect(
          ext !== undefined && same(ext.values, item.ext),
          `${id}: ext of item ${item.referenceId} missing or different`,
        );
      }
    }
    const wanted = consumersOf(line).map(({ person }) => person);
    const storedConsumers = store.peopleOf("consumers", order.ref).map((c) => c.fields);
    consumers += wanted.length;
    expect(
      same(storedConsumers, wanted),
      `${id}: consumers ${JSON.stringify(storedConsumers)} instead of ${JSON.stringify(wanted)}`,
    );
    if (line.ext) {
      orderExtensions++;
      const ext = store.orderExtensions.get(order.ref);
      expect(ext !== undefined && same(ext.values, line.ext), `${id}: order ext missing or different`);
    }
  }
  // Nothing beyond what the lines account for.
  expect(store.orders.size === lines.length, `${store.orders.size} orders in the fake for ${lines.length} lines`);
  expect(store.items.size === items, `${store.items.size} items in the fake, ${items} in the lines`);
  expect(store.contacts.size === contacts, `${store.contacts.size} contacts in the fake, ${contacts} in the lines`);
  expect(
    store.consumers.size === consumers,
    `${store.consumers.size} consumers in the fake, ${consumers} in the lines`,
  );
  expect(
    store.orderExtensions.size === orderExtensions,
    `${store.orderExtensions.size} order extensions, ${orderExtensions} in the lines`,
  );
  expect(
    store.itemExtensions.size === itemExtensions,
    `${store.itemExtensions.size} item extensions, ${itemExtensions} in the lines`,
  );
  return problems;
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
