// Brings one line into the API exactly once: the order, then its contact, items, their data
// extensions, the consumers and the order's data extension, in that order. A step that may
// have taken effect without our knowing (a reset or timeout after the request went out, a
// 5xx) is looked up before it is created again; on --resume every step is looked up first.
import { unwrap, type OrderClient } from "sitecore-cdp-orders";
import { Lookups } from "./lookups.js";
import { consumersOf, itemFields, orderFields, type OrderLine } from "./order-line.js";
import { ensure, read, type Step, type StepOptions } from "./steps.js";

export interface ItemRefs {
  referenceId: string;
  ref: string;
  ext?: string;
  /** The consumers listed under this item in the line. */
  consumers: string[];
}

/** What a line became in the API; `found` names the parts that already existed. */
export interface LineRefs {
  order: string;
  contact?: string;
  items: ItemRefs[];
  /** The consumers listed at the order level of the line. */
  consumers: string[];
  ext?: string;
  found: string[];
}

export interface SyncOptions extends StepOptions {
  client: OrderClient;
  signal?: AbortSignal;
  /** The fetch each attempt of a create goes through (the client's timeouts, retries and gate still apply). */
  createFetch?: ((request: Request) => Promise<Response>) | undefined;
}

/**
 * A step a listing has just looked up: what it found, or else created. While an earlier
 * create of the line may still take effect, a missing one fails the line instead, as a
 * look-up in `ensure` that finds nothing does.
 */
async function listedOrCreated<T>(
  listed: T | undefined,
  step: Step<T>,
  options: SyncOptions,
  found: string[],
): Promise<T> {
  if (listed !== undefined) {
    found.push(step.name);
    return listed;
  }
  if (options.lookUpFirst && options.unsettled !== undefined) throw options.unsettled;
  // The listing just showed it missing: no look-up before the create.
  return ensure(step, options, found, false);
}

export async function syncOrder(line: OrderLine, options: SyncOptions): Promise<LineRefs> {
  const { client, signal } = options;
  // The options of every create.
  const init = { ...(signal ? { signal } : {}), ...(options.createFetch ? { fetch: options.createFetch } : {}) };
  const look = new Lookups(client, signal);
  const found: string[] = [];

  const orderRef = await ensure(
    {
      name: "order",
      find: () => look.order(line),
      create: async () => (await unwrap(client.POST("/v2.1/orders", { body: orderFields(line), ...init }))).ref,
    },
    options,
    found,
  );
  const path = { orderRef };
  const refs: LineRefs = { order: orderRef, items: [], consumers: [], found };

  const contact = line.contact;
  if (contact !== undefined) {
    refs.contact = await ensure(
      {
        name: "contact",
        find: () => look.contact(orderRef),
        create: async () =>
          (await unwrap(client.POST("/v2.1/orders/{orderRef}/contacts", { params: { path }, body: contact, ...init })))
            .ref,
      },
      options,
      found,
    );
  }

  // One listing serves every item of a line that is looked up first.
  const known = options.lookUpFirst ? await read(() => look.items(orderRef), options) : new Map<string, string>();
  for (const [index, item] of (line.items ?? []).entries()) {
    const ref = await listedOrCreated(
      known.get(item.referenceId),
      {
        name: `items[${index}]`,
        find: async () => (await look.items(orderRef)).get(item.referenceId),
        create: async () =>
          (
            await unwrap(
              client.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path }, body: itemFields(item), ...init }),
            )
          ).ref,
      },
      options,
      found,
    );
    refs.items.push({ referenceId: item.referenceId, ref, consumers: [] });
  }

  for (const [index, item] of (line.items ?? []).entries()) {
    const ext = item.ext;
    const itemRefs = refs.items[index]!;
    if (ext === undefined) continue;
    const itemPath = { orderItemRef: itemRefs.ref, dataExtensionName: "ext" as const };
    itemRefs.ext = await ensure(
      {
        name: `items[${index}].ext`,
        find: () => look.itemExtension(itemRefs.ref),
        create: async () =>
          (
            await unwrap(
              client.POST("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
                params: { path: itemPath },
                body: ext,
                ...init,
              }),
            )
          ).ref,
      },
      options,
      found,
    );
  }

  // Each existing consumer is claimed by at most one consumer of the line; looked up first,
  // all of them are matched at once.
  const persons = consumersOf(line);
  const matched =
    options.lookUpFirst && persons.length > 0
      ? await read(
          () =>
            look.consumers(
              orderRef,
              persons.map(({ person }) => person),
            ),
          options,
        )
      : [];
  const claimed = new Set(matched.filter((ref) => ref !== undefined));
  for (const [index, { person, item, at }] of persons.entries()) {
    const ref = await listedOrCreated(
      matched[index],
      {
        name: at,
        find: () => look.consumer(orderRef, person, claimed),
        create: async () =>
          (await unwrap(client.POST("/v2.1/orders/{orderRef}/consumers", { params: { path }, body: person, ...init })))
            .ref,
      },
      options,
      found,
    );
    claimed.add(ref);
    (item === undefined ? refs.consumers : refs.items[item]!.consumers).push(ref);
  }

  const ext = line.ext;
  if (ext !== undefined) {
    refs.ext = await ensure(
      {
        name: "ext",
        find: () => look.orderExtension(orderRef),
        create: async () =>
          (
            await unwrap(
              client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
                params: { path: { orderRef, dataExtensionName: "ext" } },
                body: ext,
                ...init,
              }),
            )
          ).ref,
      },
      options,
      found,
    );
  }
  return refs;
}
