// `cdp-orders export`: the orders of guests or with referenceIds, as NDJSON lines in the
// import format, streamed. Orders are read through the pagination helpers a page at a time;
// at most `concurrency` orders are being expanded, and output waits for the reader, so
// memory stays flat however many orders match.
import type { Writable } from "node:stream";
import type { components } from "../../../generated/schema.js";
import type { OrderClient } from "../../client.js";
import { paginate } from "../../pagination/index.js";
import type { ItemLine, OrderLine } from "../import/order-line.js";
import { extensionValues, itemLine, orderLine, personLine } from "./to-line.js";

export type OrderSelector = { guestRef: string } | { referenceId: string };

export interface ExportOptions {
  client: OrderClient;
  selectors: readonly OrderSelector[];
  expand: boolean;
  concurrency: number;
  output: Writable;
  signal?: AbortSignal;
}

export interface ExportSummary {
  orders: number;
}

// The most members one order's sub-collection may have before the export gives up on it.
const MAX_MEMBERS = 100_000;

const lastSegment = (href: string) => new URL(href).pathname.split("/").pop() ?? "";

/**
 * An order with everything under it, in the import format. Consumers go under the first
 * item of this order the API links them to (GET /orderConsumers/{ref}/orderItems); the API
 * offers no way to set that link, so a consumer without one goes under the order's
 * `consumers`, in the order the API lists them.
 */
async function expandOrder(client: OrderClient, order: components["schemas"]["Order"], signal: AbortSignal | undefined): Promise<OrderLine> {
  const options = signal ? { signal } : {};
  const path = { orderRef: order.ref };
  const [items, contacts, consumers, extensions] = await Promise.all([
    paginate(client, "/v2.1/orders/{orderRef}/orderItems", { params: { path, query: { expand: true } } }, options).collect({ max: MAX_MEMBERS }),
    paginate(client, "/v2.1/orders/{orderRef}/contacts", { params: { path, query: { expand: true } } }, options).collect({ max: MAX_MEMBERS }),
    paginate(client, "/v2.1/orders/{orderRef}/consumers", { params: { path, query: { expand: true } } }, options).collect({ max: MAX_MEMBERS }),
    paginate(client, "/v2.1/orders/{orderRef}/extensions", { params: { path, query: { expand: true } } }, options).collect({ max: MAX_MEMBERS }),
  ]);
  const itemLines: ItemLine[] = await Promise.all(
    items.map(async (item) => {
      const ext = (
        await paginate(client, "/v2.1/orderItems/{orderItemRef}/extensions", { params: { path: { orderItemRef: item.ref }, query: { expand: true } } }, options).collect({ max: MAX_MEMBERS })
      ).find((e) => e.name === "ext");
      return { ...itemLine(item), ...(ext ? { ext: extensionValues(ext) } : {}) };
    }),
  );
  const itemIndex = new Map(items.map((item, index) => [item.ref, index]));
  const orderConsumers: OrderLine["consumers"] = [];
  for (const consumer of consumers) {
    const links = await paginate(client, "/v2.1/orderConsumers/{orderConsumerRef}/orderItems", { params: { path: { orderConsumerRef: consumer.ref } } }, options).collect({ max: MAX_MEMBERS });
    const linked = links.map((link) => itemIndex.get(link.ref ?? lastSegment(link.href))).find((index) => index !== undefined);
    if (linked === undefined) orderConsumers.push(personLine(consumer));
    else (itemLines[linked]!.consumers ??= []).push(personLine(consumer));
  }
  const contact = contacts[0];
  const ext = extensions.find((e) => e.name === "ext");
  return {
    ...orderLine(order),
    ...(contact ? { contact: personLine(contact) } : {}),
    ...(itemLines.length > 0 ? { items: itemLines } : {}),
    ...(orderConsumers.length > 0 ? { consumers: orderConsumers } : {}),
    ...(ext ? { ext: extensionValues(ext) } : {}),
  };
}

/** Writes one line, waiting for the reader when its buffer is full. */
async function writeLine(output: Writable, line: OrderLine): Promise<void> {
  if (output.write(`${JSON.stringify(line)}\n`)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      output.off("drain", onDrain);
      output.off("error", done);
      output.off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error("the output was closed"));
    output.once("drain", onDrain);
    output.once("error", done);
    output.once("close", onClose);
  });
}

export async function runExport(options: ExportOptions): Promise<ExportSummary> {
  const { client, signal } = options;
  const listOptions = signal ? { signal } : {};
  // Only needed when several selectors could list the same order.
  const written = options.selectors.length > 1 ? new Set<string>() : undefined;
  let orders = 0;
  for (const selector of options.selectors) {
    const listing = paginate(client, "/v2.1/orders", { params: { query: { ...selector, expand: true } } }, listOptions);
    // Orders being expanded, oldest first: output keeps the listing's order.
    const window: Promise<OrderLine>[] = [];
    const flushOne = async () => {
      await writeLine(options.output, await window.shift()!);
      orders++;
    };
    for await (const order of listing) {
      if (written?.has(order.ref)) continue;
      written?.add(order.ref);
      const line = options.expand ? expandOrder(client, order, signal) : Promise.resolve(orderLine(order));
      // A later expansion may fail while an earlier one is awaited; its error surfaces in turn.
      line.catch(() => {});
      window.push(line);
      if (window.length >= options.concurrency) await flushOne();
    }
    while (window.length > 0) await flushOne();
  }
  return { orders };
}
