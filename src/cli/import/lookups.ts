// What already exists of a line in the API, read through the list operations.
import { isDeepStrictEqual } from "node:util";
import type { OrderClient } from "../../client.js";
import { paginate, type PaginateOptions } from "../../pagination/index.js";
import type { OrderLine, Person } from "./order-line.js";

const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;
// No listing the import reads may be longer than this; a longer one fails the line.
const MAX_LISTED = 10_000;

export class Lookups {
  private readonly options: PaginateOptions;

  constructor(
    private readonly client: OrderClient,
    signal?: AbortSignal,
  ) {
    this.options = signal ? { signal } : {};
  }

  /** The order the line describes: same referenceId, orderedAt at most two days apart (the API's matching rule); the closest wins. */
  async order(line: OrderLine): Promise<string | undefined> {
    const orders = await paginate(this.client, "/v2.1/orders", { params: { query: { referenceId: line.referenceId, expand: true } } }, this.options).collect({ max: MAX_LISTED });
    const wanted = Date.parse(line.orderedAt);
    let best: { ref: string; distance: number } | undefined;
    for (const order of orders) {
      if (order.referenceId !== line.referenceId) continue;
      const distance = Math.abs(Date.parse(order.orderedAt) - wanted);
      // Undecidable: creating the order again could duplicate it.
      if (Number.isNaN(distance)) {
        throw new Error(`Order ${order.ref} has referenceId ${line.referenceId} and an orderedAt that cannot be compared (${order.orderedAt}).`);
      }
      if (distance <= TWO_DAYS_MS && (best === undefined || distance < best.distance)) best = { ref: order.ref, distance };
    }
    return best?.ref;
  }

  /** The order's contact: an order has one primary contact, so whichever exists is the line's. */
  async contact(orderRef: string): Promise<string | undefined> {
    const contacts = await paginate(this.client, "/v2.1/orders/{orderRef}/contacts", { params: { path: { orderRef }, query: { expand: true } } }, this.options).collect({ max: MAX_LISTED });
    return contacts[0]?.ref;
  }

  /** The order's items by referenceId; the first of a referenceId wins. */
  async items(orderRef: string): Promise<Map<string, string>> {
    const items = await paginate(this.client, "/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef }, query: { expand: true } } }, this.options).collect({ max: MAX_LISTED });
    return new Map(items.filter((item) => item.referenceId !== undefined).reverse().map((item) => [item.referenceId!, item.ref]));
  }

  /**
   * An unclaimed consumer of the order that is the person the line describes: every field the
   * line gives is equal (consumers carry no referenceId).
   */
  async consumer(orderRef: string, person: Person, claimed: ReadonlySet<string>): Promise<string | undefined> {
    const consumers = await paginate(this.client, "/v2.1/orders/{orderRef}/consumers", { params: { path: { orderRef }, query: { expand: true } } }, this.options).collect({ max: MAX_LISTED });
    const same = (existing: Record<string, unknown>) => Object.entries(person).every(([key, value]) => isDeepStrictEqual(existing[key], value));
    return consumers.find((existing) => !claimed.has(existing.ref) && same(existing))?.ref;
  }

  async orderExtension(orderRef: string): Promise<string | undefined> {
    const extensions = await paginate(this.client, "/v2.1/orders/{orderRef}/extensions", { params: { path: { orderRef }, query: { expand: true } } }, this.options).collect({ max: MAX_LISTED });
    return extensions.find((extension) => extension.name === "ext")?.ref;
  }

  async itemExtension(orderItemRef: string): Promise<string | undefined> {
    const extensions = await paginate(
      this.client,
      "/v2.1/orderItems/{orderItemRef}/extensions",
      { params: { path: { orderItemRef }, query: { expand: true } } },
      this.options,
    ).collect({ max: MAX_LISTED });
    return extensions.find((extension) => extension.name === "ext")?.ref;
  }
}
