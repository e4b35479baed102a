// Deterministic import lines for tests and the benchmark: each order with a contact (one of
// a few guests), items with their own referenceIds, and optionally consumers and extensions.
import type { OrderLine } from "../../cli/src/import/order-line.js";

export interface SampleShape {
  items?: number;
  /** One consumer under the first item, and data extensions on the order and every item. */
  consumersAndExtensions?: boolean;
  /** How many distinct guests the contacts resolve to. */
  guests?: number;
  /** Prefix of every referenceId, so runs do not collide. */
  prefix?: string;
}

export function sampleOrder(index: number, shape: SampleShape = {}): OrderLine {
  const { items = 2, consumersAndExtensions = true, guests = 10, prefix = "SHOP" } = shape;
  const referenceId = `${prefix}-${String(index).padStart(6, "0")}`;
  const guest = index % guests;
  const day = String((index % 28) + 1).padStart(2, "0");
  return {
    referenceId,
    orderedAt: `2024-03-${day}T10:${String(index % 60).padStart(2, "0")}:00Z`,
    currencyCode: "EUR",
    price: 20 + (index % 7) * 10,
    channel: "WEB",
    status: "PURCHASED",
    contact: {
      firstName: `Guest${guest}`,
      lastName: "Sample",
      emails: [`guest${guest}@example.com`],
      identifiers: [{ provider: "shop", id: `guest-${guest}` }],
    },
    items: Array.from({ length: items }, (_, i) => ({
      referenceId: `${referenceId}-${i + 1}`,
      name: `Product ${(index + i) % 50}`,
      type: "MOBILE",
      price: 10 + i,
      currencyCode: "EUR",
      status: "CONFIRMED",
      quantity: 1 + (i % 2),
      ...(consumersAndExtensions && i === 0
        ? { consumers: [{ firstName: `Consumer${index}`, lastName: "Sample" }] }
        : {}),
      ...(consumersAndExtensions ? { ext: { giftWrap: i % 2 === 0, warehouse: `W${index % 3}` } } : {}),
    })),
    ...(consumersAndExtensions
      ? { ext: { loyaltyTier: ["bronze", "silver", "gold"][index % 3]!, firstOrder: index % 5 === 0 } }
      : {}),
  };
}

export function sampleOrders(count: number, shape: SampleShape = {}): OrderLine[] {
  return Array.from({ length: count }, (_, i) => sampleOrder(i + 1, shape));
}

export function toNdjson(lines: readonly object[]): string {
  return `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`;
}
