// What already exists of a line in the API, read through the list operations.
import { isDeepStrictEqual } from "node:util";
import type { OrderClient } from "sitecore-cdp-orders";
import { FullLists } from "../listed-members.js";
import { PERSON_FIELDS, type OrderLine, type Person } from "./order-line.js";
import { SAME_ORDER_MS } from "./same-order.js";

/** A field the API may fill with an empty default: absent, null, "", [] or {}. */
const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === "" ||
  (typeof value === "object" && Object.keys(value).length === 0);

// No listing the import reads may be longer than this; a longer one fails the line.
const MAX_LISTED = 10_000;

/** How many fields a person gives. */
const given = (person: Person) => Object.keys(person).length;

/** The unclaimed consumer that covers every field the person gives, with the fewest others filled in. */
function bestConsumer(
  consumers: readonly { ref: string }[],
  person: Person,
  claimed: ReadonlySet<string>,
): string | undefined {
  const fields = person as Record<string, unknown>;
  const covers = (existing: Record<string, unknown>) =>
    Object.entries(fields).every(([key, value]) => isDeepStrictEqual(existing[key], value));
  const others = (existing: Record<string, unknown>) =>
    PERSON_FIELDS.filter((key) => !(key in fields) && !isEmpty(existing[key])).length;
  let best: { ref: string; others: number } | undefined;
  for (const existing of consumers as (Record<string, unknown> & { ref: string })[]) {
    if (claimed.has(existing.ref) || !covers(existing)) continue;
    const count = others(existing);
    if (best === undefined || count < best.others) best = { ref: existing.ref, others: count };
  }
  return best?.ref;
}

export class Lookups {
  private readonly lists: FullLists;

  constructor(client: OrderClient, signal?: AbortSignal) {
    this.lists = new FullLists(client, MAX_LISTED, signal ?? null);
  }

  /** The order the line describes: same referenceId, orderedAt at most two days apart (the API's matching rule); the closest wins. */
  async order(line: OrderLine): Promise<string | undefined> {
    const orders = await this.lists.ordersWithReferenceId(line.referenceId);
    const wanted = Date.parse(line.orderedAt);
    let best: { ref: string; distance: number } | undefined;
    for (const order of orders) {
      if (order.referenceId !== line.referenceId) continue;
      const distance = Math.abs(Date.parse(order.orderedAt) - wanted);
      // Undecidable: creating the order again could duplicate it.
      if (Number.isNaN(distance)) {
        throw new Error(
          `Order ${order.ref} has referenceId ${line.referenceId} and an orderedAt that cannot be compared (${order.orderedAt}).`,
        );
      }
      if (distance <= SAME_ORDER_MS && (best === undefined || distance < best.distance))
        best = { ref: order.ref, distance };
    }
    return best?.ref;
  }

  /** The order's contact: an order has one primary contact, so whichever exists is the line's. */
  async contact(orderRef: string): Promise<string | undefined> {
    return (await this.lists.contacts(orderRef))[0]?.ref;
  }

  /** The order's items by referenceId; the first of a referenceId wins. */
  async items(orderRef: string): Promise<Map<string, string>> {
    const items = await this.lists.items(orderRef);
    return new Map(
      items
        .filter((item) => item.referenceId !== undefined)
        .reverse()
        .map((item) => [item.referenceId!, item.ref]),
    );
  }

  /**
   * An unclaimed consumer of the order that is the person the line describes (consumers carry
   * no referenceId): every field the line gives is equal, and of those, the one with the fewest
   * other fields filled in, so a line's `{Ann}` does not take its `{Ann Byrne}` (fields the API
   * fills with empty defaults do not count).
   */
  async consumer(orderRef: string, person: Person, claimed: ReadonlySet<string>): Promise<string | undefined> {
    return bestConsumer(await this.lists.consumers(orderRef), person, claimed);
  }

  /**
   * Each of a line's consumers matched at once, the one giving the most fields first: in line
   * order, a `{Ann}` put before `{Ann Byrne}` would take the only existing `{Ann Byrne}`.
   */
  async consumers(orderRef: string, persons: readonly Person[]): Promise<(string | undefined)[]> {
    const existing = await this.lists.consumers(orderRef);
    const claimed = new Set<string>();
    const matched: (string | undefined)[] = persons.map(() => undefined);
    const mostSpecificFirst = persons
      .map((person, index) => ({ person, index }))
      .sort((a, b) => given(b.person) - given(a.person));
    for (const { person, index } of mostSpecificFirst) {
      const ref = bestConsumer(existing, person, claimed);
      if (ref !== undefined) claimed.add(ref);
      matched[index] = ref;
    }
    return matched;
  }

  async orderExtension(orderRef: string): Promise<string | undefined> {
    return (await this.lists.orderExt(orderRef))?.ref;
  }

  async itemExtension(orderItemRef: string): Promise<string | undefined> {
    return (await this.lists.itemExt(orderItemRef))?.ref;
  }
}
