// README, "Listing everything": "A 429 answer is retried with the client's retry policy
// (honouring Retry-After) and, when retries run out, ends the listing with RateLimitError."
// The client's sleep is injected: the waits it asks for are recorded, and end when the test
// says so, so nothing here depends on the clock.
import { describe, expect, it } from "vitest";
import { paginate, RateLimitError } from "../../src/index.js";
import { FakeCollection, settle, type Envelope, type FakeRequest } from "./fake-collection.js";

const PATH = "/v2.1/orders";
const INIT = { params: { query: { referenceId: "ref-1", limit: 100 } } } as const;
const TOTAL = 250;
const refs = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `item-${from + i}`);

const tooMany = (retryAfter: string) =>
  Response.json(
    { status: 429, code: 429, message: "too many requests" },
    { status: 429, headers: { "retry-after": retryAfter } },
  );

/** Answers the page at `offset` with 429 the first `times` times it is asked for. */
function limitedAt(offset: number, retryAfter: string, times = Number.POSITIVE_INFINITY) {
  let answered = 0;
  return (page: Envelope, request: FakeRequest): Envelope | Response =>
    request.offset === offset && answered++ < times ? tooMany(retryAfter) : page;
}

const requestsAt = (fake: FakeCollection, offset: number) => fake.offsets().filter((o) => o === offset).length;

describe("paginate: a 429", () => {
  it("is retried once its Retry-After is over, and the listing goes on in order", async () => {
    const waits: number[] = [];
    let asked!: () => void;
    const waiting = new Promise<void>((resolve) => {
      asked = resolve;
    });
    let wake!: () => void;
    const fake = new FakeCollection({
      total: TOTAL,
      rewrite: limitedAt(100, "3", 1),
      sleep: (ms, signal) => {
        waits.push(ms);
        asked();
        return new Promise<void>((resolve, reject) => {
          wake = resolve;
          signal.addEventListener("abort", () => reject(signal.reason));
        });
      },
    });
    const listing = paginate(fake.client, PATH, INIT).collect({ max: 1_000 });
    // The listing waits for the retry instead of ending.
    const ended = listing.then(
      () => "listed",
      (error: unknown) => error,
    );
    expect(await Promise.race([waiting.then(() => "waiting"), ended])).toBe("waiting");
    // The wait is the server's 3 s, not the client's backoff (250–500 ms at first), and the
    // page is not asked for again while it lasts.
    expect(waits).toEqual([3_000]);
    await settle();
    expect(requestsAt(fake, 100)).toBe(1);
    wake();
    const items = await listing;
    expect(items.map((item) => item.ref)).toEqual(refs(0, TOTAL));
    expect(requestsAt(fake, 100)).toBe(2);
    expect(waits).toEqual([3_000]);
  });

  it("that persists ends the listing with RateLimitError once the client's retries run out", async () => {
    const waits: number[] = [];
    const fake = new FakeCollection({
      total: TOTAL,
      rewrite: limitedAt(100, "1"),
      retry: { maxRetries: 3 },
      sleep: async (ms) => void waits.push(ms),
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const item of paginate(fake.client, PATH, INIT)) seen.push(item.ref ?? "");
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, operation: "GET /v2.1/orders", headers: { "retry-after": "1" } });
    // The client's policy: three retries, each after the server's Retry-After.
    expect(requestsAt(fake, 100)).toBe(4);
    expect(waits).toEqual([1_000, 1_000, 1_000]);
    // The items before the page that failed came, in order.
    expect(seen).toEqual(refs(0, 100));
  });

  it("whose Retry-After is past maxRetryAfterMs ends the listing with RateLimitError without waiting", async () => {
    const waits: number[] = [];
    const fake = new FakeCollection({
      total: TOTAL,
      rewrite: limitedAt(100, "30"),
      retry: { maxRetryAfterMs: 10_000 },
      sleep: async (ms) => void waits.push(ms),
    });
    const error = await paginate(fake.client, PATH, INIT)
      .collect({ max: 1_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, headers: { "retry-after": "30" } });
    expect(requestsAt(fake, 100)).toBe(1);
    expect(waits).toEqual([]);
  });
});
