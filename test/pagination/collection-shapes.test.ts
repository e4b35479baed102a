import { describe, expect, it } from "vitest";
import { paginate } from "../../src/index.js";
import { TEST_CREDENTIALS } from "../helpers.js";
import { answerUntilDone, envelopeFor, FakeCollection, ORDER_REF, type Envelope } from "./fake-collection.js";

const PATH = "/v2.1/orders/{orderRef}/orderItems";
const INIT = { params: { path: { orderRef: ORDER_REF }, query: { limit: 100 } } } as const;
const refs = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `item-${from + i}`);

async function listRefs(fake: FakeCollection): Promise<string[]> {
  const items = await paginate(fake.client, PATH, INIT).collect({ max: 100_000 });
  return items.map((item) => item.ref ?? "");
}

function withLastOffset(page: Envelope, offset: number): Envelope {
  const last = new URL(page.last!.href);
  last.searchParams.set("offset", String(offset));
  return { ...page, last: { href: last.href } };
}

describe("paginate: collection shapes", () => {
  it("an empty collection yields nothing and makes one request", async () => {
    const fake = new FakeCollection({ total: 0 });
    expect(await listRefs(fake)).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it("a single page makes one request", async () => {
    const fake = new FakeCollection({ total: 37 });
    expect(await listRefs(fake)).toEqual(refs(0, 37));
    expect(fake.offsets()).toEqual([0]);
  });

  it("a full single page without next makes one request", async () => {
    const fake = new FakeCollection({ total: 100 });
    expect(await listRefs(fake)).toEqual(refs(0, 100));
    expect(fake.offsets()).toEqual([0]);
  });

  it("a partial last page ends the listing", async () => {
    const fake = new FakeCollection({ total: 1234 });
    expect(await listRefs(fake)).toEqual(refs(0, 1234));
    expect(fake.offsets()).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
  });

  it("without last, follows next one page at a time whatever the concurrency", async () => {
    const fake = new FakeCollection({ total: 1000, manual: true, rewrite: ({ last: _last, ...page }) => page });
    const collected = paginate(fake.client, PATH, INIT, { concurrency: 8 }).collect({ max: 1000 });
    await answerUntilDone(fake, collected);
    expect((await collected).map((item) => item.ref)).toEqual(refs(0, 1000));
    expect(fake.peakPending).toBe(1);
  });

  it("when links name a smaller page than the one served, follows next instead of skipping items", async () => {
    const smallerPages = (href: string, offset?: number) => {
      const url = new URL(href);
      url.searchParams.set("limit", "10");
      if (offset !== undefined) url.searchParams.set("offset", String(offset));
      return { href: url.href };
    };
    const fake = new FakeCollection({
      total: 250,
      rewrite: (page) => ({
        ...page,
        last: smallerPages(page.last!.href, 200),
        ...(page.next ? { next: smallerPages(page.next.href) } : {}),
      }),
    });
    expect(await listRefs(fake)).toEqual(refs(0, 250));
    expect(fake.offsets()).toEqual([0, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210, 220, 230, 240]);
  });

  it.each([1, 4])(
    "follows next from a short page in the middle, skipping nothing (concurrency %i)",
    async (concurrency) => {
      // The page at offset 100 holds 50 items, and its next link goes on from offset 150.
      const fake = new FakeCollection({
        total: 300,
        rewrite: (page) => {
          if (page.offset !== 100) return page;
          const next = new URL(page.next!.href);
          next.searchParams.set("offset", "150");
          return { ...page, items: page.items.slice(0, 50), next: { href: next.href } };
        },
      });
      const items = await paginate(fake.client, PATH, INIT, { concurrency }).collect({ max: 1_000 });
      expect(items.map((item) => item.ref)).toEqual(refs(0, 300));
    },
  );

  it("takes null links for no link", async () => {
    const fake = new FakeCollection({
      total: 250,
      rewrite: (page) => ({ ...page, last: null, next: page.next ?? null }) as unknown as Envelope,
    });
    expect(await listRefs(fake)).toEqual(refs(0, 250));
    expect(fake.offsets()).toEqual([0, 100, 200]);
  });

  it.each(["next", "last"] as const)("rejects a %s link without an href as an invalid page", async (name) => {
    const fake = new FakeCollection({
      total: 250,
      rewrite: (page) => ({ ...page, [name]: { url: "https://cdp.test/elsewhere" } }) as unknown as Envelope,
    });
    await expect(listRefs(fake)).rejects.toMatchObject({
      name: "InvalidPageError",
      message: expect.stringContaining(`its ${name} link has no href`),
    });
  });

  it("when last does not line up with the page step, follows next instead", async () => {
    const fake = new FakeCollection({ total: 500, manual: true, rewrite: (page) => withLastOffset(page, 450) });
    const collected = paginate(fake.client, PATH, INIT, { concurrency: 4 }).collect({ max: 1000 });
    await answerUntilDone(fake, collected);
    expect((await collected).map((item) => item.ref)).toEqual(refs(0, 500));
    expect(fake.peakPending).toBe(1);
  });

  it("when last names no offset, follows next instead", async () => {
    const fake = new FakeCollection({
      total: 300,
      rewrite: (page) => ({ ...page, last: { href: page.href.split("?")[0]! } }),
    });
    expect(await listRefs(fake)).toEqual(refs(0, 300));
  });

  it("keeps following next when the collection grew past what last said", async () => {
    const fake = new FakeCollection({
      total: 600,
      rewrite: (page) => (page.offset === 0 ? withLastOffset(page, 200) : page),
    });
    expect(await listRefs(fake)).toEqual(refs(0, 600));
    expect(fake.offsets()).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it("stops, cancelling the rest, when a page before last has no next because the collection shrank", async () => {
    const fake = new FakeCollection({
      total: 1000,
      manual: true,
      rewrite: (page) => {
        if (page.offset < 300) return page;
        const { next: _next, ...end } = page;
        return { ...end, items: page.offset === 300 ? page.items.slice(0, 50) : [] };
      },
    });
    const collected = paginate(fake.client, PATH, INIT, { concurrency: 4 }).collect({ max: 1000 });
    await answerUntilDone(fake, collected, (pending) => pending.filter((r) => r.offset <= 300));
    expect((await collected).map((item) => item.ref)).toEqual(refs(0, 350));
    expect(fake.pending()).toEqual([]);
    expect(fake.requests.filter((r) => r.state === "aborted").map((r) => r.offset)).toEqual([400, 500, 600]);
  });

  it("follows the page size the server's links name when the server serves smaller pages", async () => {
    const fake = new FakeCollection({
      total: 230,
      rewrite: (_, request) => envelopeFor(request.url, request.offset, 50, 230),
    });
    expect(await listRefs(fake)).toEqual(refs(0, 230));
    expect(fake.requests.map((r) => [r.offset, r.limit])).toEqual([
      [0, 100],
      [50, 50],
      [100, 50],
      [150, 50],
      [200, 50],
    ]);
  });

  it("keeps its own page size when a link names one the API does not accept", async () => {
    const fake = new FakeCollection({
      total: 300,
      rewrite: (page) =>
        page.next ? { ...page, next: { href: page.next.href.replace("limit=100", "limit=1000") } } : page,
    });
    expect(await listRefs(fake)).toEqual(refs(0, 300));
    expect(fake.requests.map((r) => r.limit)).toEqual([100, 100, 100]);
  });

  it("starts at the query's offset", async () => {
    const fake = new FakeCollection({ total: 450 });
    const listing = paginate(fake.client, PATH, { params: { path: { orderRef: ORDER_REF }, query: { offset: 200 } } });
    expect((await listing.collect({ max: 1000 })).map((item) => item.ref)).toEqual(refs(200, 450));
    expect(fake.offsets()).toEqual([200, 300, 400]);
  });
});

describe("paginate: the requests", () => {
  it("asks for pages of 100 unless the query sets a limit, and passes the query through", async () => {
    const fake = new FakeCollection({ total: 150 });
    const listing = paginate(fake.client, PATH, { params: { path: { orderRef: ORDER_REF }, query: { expand: true } } });
    const items = await listing.collect({ max: 150 });
    expect(items[149]).toMatchObject({ ref: "item-149", name: "Item 149" });
    expect(fake.requests.map((r) => Object.fromEntries(r.url.searchParams))).toEqual([
      { expand: "true", offset: "0", limit: "100" },
      { expand: "true", offset: "100", limit: "100" },
    ]);
  });

  it("sends every page through the client, with its credentials, to the client's own origin", async () => {
    const fake = new FakeCollection({ total: 350 });
    await listRefs(fake);
    const basic = `Basic ${btoa(`${TEST_CREDENTIALS.clientKey}:${TEST_CREDENTIALS.apiToken}`)}`;
    expect(fake.requests.map((r) => [r.url.origin, r.url.pathname, r.headers.get("authorization")])).toEqual(
      Array(4).fill(["https://cdp.test", `/v2.1/orders/${ORDER_REF}/orderItems`, basic]),
    );
  });

  it("each iteration of a listing starts again from the first page", async () => {
    const fake = new FakeCollection({ total: 150 });
    const listing = paginate(fake.client, PATH, INIT);
    expect(await listing.collect({ max: 150 })).toHaveLength(150);
    expect(await listing.collect({ max: 150 })).toHaveLength(150);
    expect(fake.offsets()).toEqual([0, 100, 0, 100]);
  });
});
