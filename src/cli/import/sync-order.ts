// Brings one line into the API exactly once: the order, then its contact, items, their data
// extensions, the consumers and the order's data extension, in that order. A step that may
// have taken effect without our knowing (a reset or timeout after the request went out, a
// 5xx) is looked up before it is created again; on --resume every step is looked up first.
import { isDeepStrictEqual } from "node:util";
import type { OrderClient } from "../../client.js";
import { paginate } from "../../pagination/index.js";
import { unwrap } from "../../unwrap.js";
import { classifyFailure } from "./failure.js";
import { consumersOf, itemFields, orderFields, type OrderLine, type Person } from "./order-line.js";

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

export interface SyncOptions {
  client: OrderClient;
  /** Look every step up before creating it: the line may be partly in the API already. */
  lookUpFirst: boolean;
  /** How often one step is tried before the line fails. */
  maxAttempts: number;
  /** Waits before attempt `attempt + 1`; resolves early or rejects when the run stops. */
  backoff: (attempt: number) => Promise<void>;
  signal?: AbortSignal;
}

interface Step<T> {
  /** Where the step is in the line, e.g. `items[1]`. */
  name: string;
  find: () => Promise<T | undefined>;
  create: () => Promise<T>;
}

const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;
// No listing the import reads may be longer than this; a longer one fails the line.
const MAX_LISTED = 10_000;

/** Runs one step: looked up first when asked to (or after an ambiguous failure), created otherwise. */
async function ensure<T>(step: Step<T>, options: SyncOptions, found: string[], lookUpFirst = options.lookUpFirst): Promise<T> {
  let lookUp = lookUpFirst;
  for (let attempt = 1; ; attempt++) {
    try {
      if (lookUp) {
        const existing = await step.find();
        if (existing !== undefined) {
          found.push(step.name);
          return existing;
        }
        lookUp = false;
      }
      return await step.create();
    } catch (error) {
      const kind = classifyFailure(error);
      if (kind === "permanent" || kind === "aborted" || attempt >= options.maxAttempts) throw error;
      // A failed lookup is tried again; a create that may have worked is looked up first.
      if (kind === "ambiguous" || lookUp) lookUp = true;
      await options.backoff(attempt);
    }
  }
}

/** Runs a read, again after a failure that repeating may cure. */
async function read<T>(run: () => Promise<T>, options: SyncOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const kind = classifyFailure(error);
      if (kind === "permanent" || kind === "aborted" || attempt >= options.maxAttempts) throw error;
      await options.backoff(attempt);
    }
  }
}

async function listAll<T>(listing: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const member of listing) {
    if (all.length === MAX_LISTED) throw new Error(`a listing returned more than ${MAX_LISTED} members`);
    all.push(member);
  }
  return all;
}

/** The existing order this line describes: same referenceId, orderedAt at most two days apart (the API's matching rule); the closest wins. */
async function findOrder(client: OrderClient, line: OrderLine, signal: AbortSignal | undefined): Promise<string | undefined> {
  const orders = await listAll(
    paginate(client, "/v2.1/orders", { params: { query: { referenceId: line.referenceId, expand: true } } }, signal ? { signal } : {}),
  );
  const wanted = Date.parse(line.orderedAt);
  let best: { ref: string; distance: number } | undefined;
  for (const order of orders) {
    const distance = Math.abs(Date.parse(order.orderedAt) - wanted);
    if (order.referenceId === line.referenceId && distance <= TWO_DAYS_MS && (best === undefined || distance < best.distance)) {
      best = { ref: order.ref, distance };
    }
  }
  return best?.ref;
}

/** Whether an existing person is the one the line describes: every field the line gives is equal. */
function samePerson(existing: Record<string, unknown>, wanted: Person): boolean {
  return Object.entries(wanted).every(([key, value]) => isDeepStrictEqual(existing[key], value));
}

export async function syncOrder(line: OrderLine, options: SyncOptions): Promise<LineRefs> {
  const { client, signal } = options;
  const init = signal ? { signal } : {};
  const listOptions = signal ? { signal } : {};
  const found: string[] = [];

  const orderRef = await ensure(
    {
      name: "order",
      find: () => findOrder(client, line, signal),
      create: async () => (await unwrap(client.POST("/v2.1/orders", { body: orderFields(line), ...init }))).ref,
    },
    options,
    found,
  );
  const path = { orderRef };
  const refs: LineRefs = { order: orderRef, items: [], consumers: [], found };

  if (line.contact !== undefined) {
    const contact = line.contact;
    refs.contact = await ensure(
      {
        name: "contact",
        // An order has one primary contact: whichever exists is this line's.
        find: async () => (await listAll(paginate(client, "/v2.1/orders/{orderRef}/contacts", { params: { path, query: { expand: true } } }, listOptions)))[0]?.ref,
        create: async () => (await unwrap(client.POST("/v2.1/orders/{orderRef}/contacts", { params: { path }, body: contact, ...init }))).ref,
      },
      options,
      found,
    );
  }

  const existingItems = async () => {
    const items = await listAll(paginate(client, "/v2.1/orders/{orderRef}/orderItems", { params: { path, query: { expand: true } } }, listOptions));
    return new Map(items.filter((item) => item.referenceId !== undefined).reverse().map((item) => [item.referenceId!, item.ref]));
  };
  // One listing serves every item of a line that is looked up first.
  const known = options.lookUpFirst ? await read(existingItems, options) : new Map<string, string>();
  for (const [index, item] of (line.items ?? []).entries()) {
    const name = `items[${index}]`;
    const existing = known.get(item.referenceId);
    if (existing !== undefined) found.push(name);
    const ref =
      existing ??
      (await ensure(
        {
          name,
          find: async () => (await existingItems()).get(item.referenceId),
          create: async () => (await unwrap(client.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path }, body: itemFields(item), ...init }))).ref,
        },
        options,
        found,
        false,
      ));
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
        find: async () =>
          (await listAll(paginate(client, "/v2.1/orderItems/{orderItemRef}/extensions", { params: { path: { orderItemRef: itemRefs.ref }, query: { expand: true } } }, listOptions))).find(
            (extension) => extension.name === "ext",
          )?.ref,
        create: async () =>
          (await unwrap(client.POST("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", { params: { path: itemPath }, body: ext, ...init }))).ref,
      },
      options,
      found,
    );
  }

  // Consumers carry no referenceId: an existing one is this line's when every field the line
  // gives matches, and each existing consumer is claimed at most once.
  const claimed = new Set<string>();
  const consumers = async () => listAll(paginate(client, "/v2.1/orders/{orderRef}/consumers", { params: { path, query: { expand: true } } }, listOptions));
  for (const { person, item, at } of consumersOf(line)) {
    const ref = await ensure(
      {
        name: at,
        find: async () => (await consumers()).find((existing) => !claimed.has(existing.ref) && samePerson(existing, person))?.ref,
        create: async () => (await unwrap(client.POST("/v2.1/orders/{orderRef}/consumers", { params: { path }, body: person, ...init }))).ref,
      },
      options,
      found,
    );
    claimed.add(ref);
    (item === undefined ? refs.consumers : refs.items[item]!.consumers).push(ref);
  }

  if (line.ext !== undefined) {
    const ext = line.ext;
    refs.ext = await ensure(
      {
        name: "ext",
        find: async () =>
          (await listAll(paginate(client, "/v2.1/orders/{orderRef}/extensions", { params: { path, query: { expand: true } } }, listOptions))).find((e) => e.name === "ext")?.ref,
        create: async () =>
          (await unwrap(client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: { path: { orderRef, dataExtensionName: "ext" } }, body: ext, ...init }))).ref,
      },
      options,
      found,
    );
  }
  return refs;
}
