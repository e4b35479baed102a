// `cdp-orders export`: the orders of guests or with referenceIds, as NDJSON lines in the
// import format, streamed. Orders are read through the pagination helpers a page at a time;
// at most `concurrency` orders are being expanded, and output waits for the reader, so
// memory stays flat however many orders match.
import type { Writable } from "node:stream";
import { onAbort, paginate, type components, type OrderClient } from "sitecore-cdp-orders";

import type { ItemLine, OrderLine } from "../import/order-line.js";
import { checkLine } from "../import/validate-line.js";
import { FullLists, inFull, refOf } from "../listed-members.js";
import { extensionValues, itemLine, orderLine, personLine } from "./to-line.js";

export type OrderSelector = { guestRef: string } | { referenceId: string };

export interface ExportOptions {
  client: OrderClient;
  selectors: readonly OrderSelector[];
  expand: boolean;
  concurrency: number;
  output: Writable;
  signal?: AbortSignal;
  /** Told of each line written that the import would refuse (an item without a referenceId, …), and of contacts left out. */
  warn?: (message: string) => void;
}

export interface ExportSummary {
  orders: number;
  /** Lines written that the import would refuse. */
  refusedByImport: number;
}

// The most members one order's sub-collection may have before the export gives up on it.
const MAX_MEMBERS = 100_000;

/** Like Promise.all, but the first failure aborts `scope` and is thrown once every task has ended. */
async function allOrAbort<T extends readonly unknown[]>(
  scope: AbortController,
  tasks: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  try {
    return await Promise.all(tasks);
  } catch (error) {
    scope.abort(error);
    await Promise.allSettled(tasks);
    throw error;
  }
}

/** An AbortController that also aborts when `outer` does; `stop` unlinks it. */
function linkedScope(outer: AbortSignal | undefined): { scope: AbortController; stop: () => void } {
  const scope = new AbortController();
  return { scope, stop: outer ? onAbort(outer, () => scope.abort(outer.reason)) : () => {} };
}

/**
 * An order with everything under it, in the import format. Consumers go under the first
 * item of this order the API links them to (GET /orderConsumers/{ref}/orderItems); the API
 * offers no way to set that link, so a consumer without one goes under the order's
 * `consumers`, in the order the API lists them. The first request that fails cancels the
 * order's others.
 */
async function expandOrder(
  client: OrderClient,
  order: components["schemas"]["Order"],
  outer: AbortSignal,
  warn: ExportOptions["warn"],
): Promise<OrderLine> {
  const { scope, stop } = linkedScope(outer);
  try {
    const { signal } = scope;
    const lists = new FullLists(client, MAX_MEMBERS, signal);
    const [items, contacts, consumers, ext] = await allOrAbort(scope, [
      lists.items(order.ref),
      lists.contacts(order.ref),
      lists.consumers(order.ref),
      lists.orderExt(order.ref),
    ] as const);
    const itemLines: ItemLine[] = await allOrAbort(
      scope,
      items.map(async (item) => {
        const itemExt = await lists.itemExt(item.ref);
        return { ...itemLine(item), ...(itemExt ? { ext: extensionValues(itemExt) } : {}) };
      }),
    );
    const itemIndex = new Map(items.map((item, index) => [item.ref, index]));
    const orderConsumers: OrderLine["consumers"] = [];
    for (const consumer of consumers) {
      const links = await paginate(
        client,
        "/v2.1/orderConsumers/{orderConsumerRef}/orderItems",
        { params: { path: { orderConsumerRef: consumer.ref } } },
        { signal },
      ).collect({ max: MAX_MEMBERS });
      const linked = links.map((link) => itemIndex.get(refOf(link))).find((index) => index !== undefined);
      if (linked === undefined) orderConsumers.push(personLine(consumer));
      else {
        const line = itemLines[linked]!;
        line.consumers = [...(line.consumers ?? []), personLine(consumer)];
      }
    }
    // A line holds one contact, the order's primary one; the API lists any others too.
    const [contact] = contacts;
    if (contacts.length > 1)
      warn?.(
        `order ${order.referenceId} has ${contacts.length} contacts; a line holds one, so only the first listed is written`,
      );
    return {
      ...orderLine(order),
      ...(contact ? { contact: personLine(contact) } : {}),
      ...(itemLines.length > 0 ? { items: itemLines } : {}),
      ...(orderConsumers.length > 0 ? { consumers: orderConsumers } : {}),
      ...(ext ? { ext: extensionValues(ext) } : {}),
    };
  } finally {
    stop();
  }
}

/** Writes one line, waiting for the reader when its buffer is full. */
async function writeLine(output: Writable, text: string): Promise<void> {
  if (output.write(`${text}\n`)) return;
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
  const { client } = options;
  // One failure ends the run: it cancels the orders being expanded and the listing.
  const { scope, stop } = linkedScope(options.signal);
  const { signal } = scope;
  const lists = new FullLists(client, MAX_MEMBERS, signal);
  // Only needed when several selectors could list the same order.
  const written = options.selectors.length > 1 ? new Set<string>() : undefined;
  // Orders being expanded, oldest first: output keeps the listing's order.
  const window: Promise<OrderLine>[] = [];
  let failure: { error: unknown } | undefined;
  let orders = 0;
  let refusedByImport = 0;
  try {
    for (const selector of options.selectors) {
      const listing = paginate(
        client,
        "/v2.1/orders",
        { params: { query: { ...selector, expand: true } } },
        { signal, concurrency: 1 },
      );
      const flushOne = async () => {
        const line = await window.shift()!;
        const text = JSON.stringify(line);
        await writeLine(options.output, text);
        orders++;
        // Written as the API holds it, and said: the data is the caller's to fix.
        const checked = checkLine(text);
        if (!checked.ok) {
          refusedByImport++;
          const why = checked.violations.map((v) => `${v.path}: ${v.message}`).join("; ");
          options.warn?.(`line ${orders} (referenceId ${line.referenceId}) would be refused by the import: ${why}`);
        }
      };
      for await (const listed of listing) {
        // A member listed only as a link may lack its ref: its href names it.
        const ref = refOf(listed);
        if (written?.has(ref)) continue;
        written?.add(ref);
        const order = inFull([listed], (orderRef) => lists.order(orderRef)).then(([full]) => full!);
        const line = order.then((full) =>
          options.expand ? expandOrder(client, full, signal, options.warn) : orderLine(full),
        );
        // The first failure, wherever in the window, stops the others at once.
        line.catch((error: unknown) => {
          failure ??= { error };
          scope.abort(error);
        });
        window.push(line);
        if (window.length >= options.concurrency) await flushOne();
      }
      while (window.length > 0) await flushOne();
    }
    return { orders, refusedByImport };
  } catch (error) {
    // What failed first is what the run reports, not the aborts it causes.
    failure ??= { error };
    scope.abort(error);
    await Promise.allSettled(window);
    throw failure.error;
  } finally {
    stop();
  }
}
