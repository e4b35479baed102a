import { describe, expect, it } from "vitest";
import { paginate } from "../../src/index.js";
import { answerUntilDone, FakeCollection, ORDER_REF, settle } from "./fake-collection.js";

const PATH = "/v2.1/orders/{orderRef}/orderItems";
const refs = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `item-${from + i}`);

function listItems(fake: FakeCollection, concurrency?: number) {
  return paginate(
    fake.client,
    PATH,
    { params: { path: { orderRef: ORDER_REF }, query: { limit: 100 } } },
    concurrency === undefined ? {} : { concurrency },
  );
}

describe("paginate: order and concurrency", () => {
  it("yields items in collection order when later pages answer first", async () => {
    const fake = new FakeCollection({ total: 1000, manual: true });
    const collected = listItems(fake, 4).collect({ max: 1000 });
    await answerUntilDone(fake, collected, (pending) => [...pending].reverse());
    expect((await collected).map((item) => item.ref)).toEqual(refs(0, 1000));
    expect(fake.peakPending).toBe(4);
  });

  it("holds back a page that answered early until the pages before it have been yielded", async () => {
    const fake = new FakeCollection({ total: 500, manual: true });
    const items = listItems(fake, 4)[Symbol.asyncIterator]();
    const first = items.next();
    await fake.sent(1);
    fake.release(0);
    expect((await first).value?.ref).toBe("item-0");
    for (let i = 1; i < 100; i++) await items.next();

    const next = items.next();
    await fake.sent(5);
    fake.release(400);
    fake.release(200);
    fake.release(300);
    let answered = false;
    void next.then(() => (answered = true));
    await settle();
    expect(answered).toBe(false);
    fake.release(100);
    expect((await next).value?.ref).toBe("item-100");
    await items.return?.();
  });

  it("sends the pages after the first with at most `concurrency` in flight, 4 by default", async () => {
    for (const concurrency of [undefined, 2, 8]) {
      const fake = new FakeCollection({ total: 2000, manual: true });
      const collected = listItems(fake, concurrency).collect({ max: 2000 });
      await answerUntilDone(fake, collected);
      expect(await collected).toHaveLength(2000);
      expect(fake.peakPending).toBe(concurrency ?? 4);
    }
  });

  it("with concurrency 1 sends each page only after the one before it was consumed", async () => {
    const fake = new FakeCollection({ total: 450 });
    const pages = listItems(fake, 1).pages();
    let index = 0;
    for await (const page of pages) {
      expect(page.offset).toBe(index * 100);
      expect(fake.requests).toHaveLength(index + 1);
      index++;
    }
    expect(index).toBe(5);
    expect(fake.offsets()).toEqual([0, 100, 200, 300, 400]);
  });

  it("never has more than `concurrency` pages requested but not yet released by the consumer", async () => {
    const fake = new FakeCollection({ total: 3000 });
    let held = 0;
    for await (const page of listItems(fake, 4).pages()) {
      // The pages handed out before this one are released; this one is held.
      expect(fake.requests.length - held).toBeLessThanOrEqual(4);
      expect(page.offset).toBe(held * 100);
      held++;
    }
    expect(held).toBe(30);
    expect(fake.requests).toHaveLength(30);
  });

  it("pages() yields each envelope with its items and links", async () => {
    const fake = new FakeCollection({ total: 250 });
    const pages = [];
    for await (const page of listItems(fake).pages()) pages.push(page);
    expect(pages.map((p) => [p.offset, p.items.length, p.next?.href])).toEqual([
      [0, 100, `https://cdp.test/v2.1/orders/${ORDER_REF}/orderItems?limit=100&offset=100`],
      [100, 100, `https://cdp.test/v2.1/orders/${ORDER_REF}/orderItems?limit=100&offset=200`],
      [200, 50, undefined],
    ]);
  });

  it("pages() gives an iterable each loop over which starts from the first page", async () => {
    const fake = new FakeCollection({ total: 250 });
    const byPage = listItems(fake).pages();
    for (let loop = 0; loop < 2; loop++) {
      const offsets = [];
      for await (const page of byPage) offsets.push(page.offset);
      expect(offsets).toEqual([0, 100, 200]);
    }
  });
});
