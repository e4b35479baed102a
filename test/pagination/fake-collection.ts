// A collection served through an injected fetch, so the listing's tests control when each
// page answers, what it says, and can see every request and whether it was aborted.
import { createOrderClient, type Logger, type OrderClient, type OrderClientOptions } from "../../src/index.js";
import { TEST_CREDENTIALS } from "../helpers.js";

export const ORIGIN = "https://cdp.test";
export const ORDER_REF = "order-1";
export const ITEMS_PATH = `/v2.1/orders/${ORDER_REF}/orderItems`;

export interface Envelope {
  href: string;
  offset: number;
  limit: number;
  first?: { href: string };
  last?: { href: string };
  next?: { href: string };
  items: { ref: string; href: string; name?: string }[];
}

export interface FakeRequest {
  url: URL;
  offset: number;
  limit: number;
  headers: Headers;
  /** `pending` until answered, or `aborted` when the request's signal fired first. */
  state: "pending" | "answered" | "aborted";
  /** Answers now (manual mode). */
  release(): void;
}

export interface FakeCollectionOptions {
  /** How many items the collection holds. */
  total: number;
  /** Hold every answer until the test releases it. */
  manual?: boolean;
  /** Rewrites or replaces a page before it is sent, to play a misbehaving server. */
  rewrite?: (page: Envelope, request: FakeRequest) => Envelope | Response;
  /** The client's logger. */
  logger?: Logger;
  /** The client's retry policy and backoff wait. */
  retry?: OrderClientOptions["retry"];
  sleep?: OrderClientOptions["sleep"];
}

export function itemAt(index: number): { ref: string; href: string } {
  return { ref: `item-${index}`, href: `${ORIGIN}/v2.1/orderItems/item-${index}` };
}

function pageHref(url: URL, offset: number, limit: number): string {
  const target = new URL(url.pathname, ORIGIN);
  for (const [key, value] of url.searchParams) target.searchParams.set(key, value);
  target.searchParams.set("offset", String(offset));
  target.searchParams.set("limit", String(limit));
  return target.href;
}

/** The page the API would send for this request. */
export function envelopeFor(url: URL, offset: number, limit: number, total: number): Envelope {
  const expand = url.searchParams.get("expand") === "true";
  const count = Math.max(0, Math.min(limit, total - offset));
  const items = Array.from({ length: count }, (_, i) => {
    const item = itemAt(offset + i);
    return expand ? { ...item, name: `Item ${offset + i}` } : item;
  });
  const lastOffset = Math.floor(Math.max(total - 1, 0) / limit) * limit;
  return {
    href: pageHref(url, offset, limit),
    offset,
    limit,
    first: { href: pageHref(url, 0, limit) },
    last: { href: pageHref(url, lastOffset, limit) },
    ...(offset + limit < total ? { next: { href: pageHref(url, offset + limit, limit) } } : {}),
    items,
  };
}

export class FakeCollection {
  readonly requests: FakeRequest[] = [];
  readonly client: OrderClient;
  /** The most requests that were pending at the same time. */
  peakPending = 0;
  #waiters: { count: number; resolve: () => void }[] = [];

  constructor(private readonly options: FakeCollectionOptions) {
    this.client = createOrderClient({
      baseUrl: ORIGIN,
      ...TEST_CREDENTIALS,
      fetch: (request) => this.#serve(request),
      logger: options.logger,
      retry: options.retry,
      sleep: options.sleep,
    });
  }

  pending(): FakeRequest[] {
    return this.requests.filter((r) => r.state === "pending");
  }

  /** The offsets requested, in the order the requests were sent. */
  offsets(): number[] {
    return this.requests.map((r) => r.offset);
  }

  /** Resolves once `count` requests have been sent in total. */
  async sent(count: number): Promise<void> {
    if (this.requests.length >= count) return;
    await new Promise<void>((resolve) => this.#waiters.push({ count, resolve }));
  }

  /** Answers the pending request for `offset`. */
  release(offset: number): void {
    const request = this.pending().find((r) => r.offset === offset);
    if (request === undefined) throw new Error(`no pending request for offset ${offset}`);
    request.release();
  }

  #serve(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const offset = Number(url.searchParams.get("offset"));
    const limit = Number(url.searchParams.get("limit"));
    return new Promise<Response>((resolve, reject) => {
      const recorded: FakeRequest = {
        url,
        offset,
        limit,
        headers: request.headers,
        state: "pending",
        release: () => {
          if (recorded.state !== "pending") return;
          recorded.state = "answered";
          const page = envelopeFor(url, offset, limit, this.options.total);
          const answer = this.options.rewrite?.(page, recorded) ?? page;
          resolve(answer instanceof Response ? answer : Response.json(answer));
        },
      };
      // Like a real connection, an aborted request settles a moment after the abort; the
      // client does not wait for that (a custom fetch may never settle), so the abort itself
      // is what is recorded.
      request.signal.addEventListener("abort", () => {
        if (recorded.state !== "pending") return;
        recorded.state = "aborted";
        setImmediate(() => reject(request.signal.reason));
      });
      this.requests.push(recorded);
      this.peakPending = Math.max(this.peakPending, this.pending().length);
      for (const waiter of this.#waiters.filter((w) => this.requests.length >= w.count)) waiter.resolve();
      this.#waiters = this.#waiters.filter((w) => this.requests.length < w.count);
      if (!this.options.manual) recorded.release();
    });
  }
}

/** Lets every pending promise callback run, so the listing reaches its next await. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Answers the pending requests, `order` picking which go first, until `listing` settles.
 * Bounded: a listing that still waits after `rounds` rounds fails the test.
 */
export async function answerUntilDone(
  fake: FakeCollection,
  listing: Promise<unknown>,
  order: (pending: FakeRequest[]) => FakeRequest[] = (pending) => pending,
  rounds = 500,
): Promise<void> {
  let done = false;
  const finished = listing.then(
    () => (done = true),
    () => (done = true),
  );
  // The first request waits for the request validators to load: a real import, which can
  // take longer than any number of rounds below.
  await Promise.race([fake.sent(1), finished]);
  for (let round = 0; round < rounds && !done; round++) {
    for (const request of order(fake.pending())) request.release();
    await settle();
  }
  if (!done) throw new Error(`the listing still waits after ${rounds} rounds of answers`);
  await finished;
}
