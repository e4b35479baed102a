import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { paginate, RequestAbortedError, TooManyItemsError, type ClientEvent } from "../../src/index.js";
import { FakeCollection, ORDER_REF, settle } from "./fake-collection.js";

const PATH = "/v2.1/orders/{orderRef}/orderItems";
const INIT = { params: { path: { orderRef: ORDER_REF }, query: { limit: 100 } } } as const;

// Each test also proves that cancelling leaves no rejection nobody handles.
let unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on("unhandledRejection", recordUnhandled);
});
afterEach(async () => {
  await settle();
  process.off("unhandledRejection", recordUnhandled);
  expect(unhandled).toEqual([]);
});

/** Starts a manual listing and answers its first two pages, leaving pages 3 to 5 in flight. */
async function withPagesInFlight(fake: FakeCollection): Promise<void> {
  await fake.sent(1);
  fake.release(0);
  await fake.sent(5);
  fake.release(100);
}

describe("paginate: cancellation", () => {
  it("breaking out of the loop aborts the requests in flight before the loop exits, and logs no error", async () => {
    const events: ClientEvent[] = [];
    const collect = (_: string, event: ClientEvent) => void events.push(event);
    const fake = new FakeCollection({
      total: 1000,
      manual: true,
      logger: { debug: collect, warn: collect, error: collect },
    });
    const seen: string[] = [];
    const loop = (async () => {
      for await (const item of paginate(fake.client, PATH, INIT, { concurrency: 4 })) {
        seen.push(item.ref ?? item.href);
        if (seen.length === 101) break;
      }
    })();
    await withPagesInFlight(fake);
    await loop;
    expect(seen.at(-1)).toBe("item-100");
    expect(fake.requests.map((r) => [r.offset, r.state])).toEqual([
      [0, "answered"],
      [100, "answered"],
      [200, "aborted"],
      [300, "aborted"],
      [400, "aborted"],
    ]);
    expect(events.filter((event) => event.type !== "request").map((event) => [event.type, event.url])).toEqual(
      [200, 300, 400].map((offset) => ["aborted", expect.stringContaining(`offset=${offset}`)]),
    );
  });

  it("a throw inside the loop aborts the requests in flight and rethrows", async () => {
    const fake = new FakeCollection({ total: 1000, manual: true });
    const loop = (async () => {
      for await (const page of paginate(fake.client, PATH, INIT).pages()) {
        if (page.offset === 100) throw new Error("consumer failed");
      }
    })();
    await withPagesInFlight(fake);
    await expect(loop).rejects.toThrow("consumer failed");
    expect(fake.pending()).toEqual([]);
    expect(fake.requests.filter((r) => r.state === "aborted")).toHaveLength(3);
  });

  it("the caller's signal aborts the requests in flight and ends the listing with RequestAbortedError", async () => {
    const fake = new FakeCollection({ total: 1000, manual: true });
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    const collected = paginate(fake.client, PATH, INIT, { signal: controller.signal }).collect({ max: 1000 });
    await withPagesInFlight(fake);
    await settle();
    controller.abort(reason);
    const error = await collected.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as RequestAbortedError).cause).toBe(reason);
    expect(fake.pending()).toEqual([]);
    expect(fake.requests.filter((r) => r.state === "aborted").map((r) => r.offset)).toEqual([200, 300, 400, 500]);
  });

  it("the caller's signal stops the listing between two items of a page it already holds", async () => {
    const fake = new FakeCollection({ total: 300 });
    const controller = new AbortController();
    const seen: string[] = [];
    const loop = (async () => {
      for await (const item of paginate(fake.client, PATH, INIT, { signal: controller.signal })) {
        seen.push(item.ref ?? item.href);
        if (seen.length === 5) controller.abort();
      }
    })();
    await expect(loop).rejects.toBeInstanceOf(RequestAbortedError);
    expect(seen).toHaveLength(5);
  });

  it("an already aborted signal sends nothing", async () => {
    const fake = new FakeCollection({ total: 300 });
    const listing = paginate(fake.client, PATH, INIT, { signal: AbortSignal.abort() });
    await expect(listing.collect({ max: 300 })).rejects.toBeInstanceOf(RequestAbortedError);
    expect(fake.requests).toEqual([]);
  });

  it("collect stops at max with TooManyItemsError and aborts what is in flight", async () => {
    const fake = new FakeCollection({ total: 1000, manual: true });
    const collected = paginate(fake.client, PATH, INIT).collect({ max: 150 });
    await withPagesInFlight(fake);
    await expect(collected).rejects.toBeInstanceOf(TooManyItemsError);
    expect(fake.requests.map((r) => r.state)).toEqual(["answered", "answered", "aborted", "aborted", "aborted"]);
  });

  it("collect returns every item when the collection holds exactly max", async () => {
    const fake = new FakeCollection({ total: 250 });
    const items = await paginate(fake.client, PATH, INIT).collect({ max: 250 });
    expect(items).toHaveLength(250);
  });
});
