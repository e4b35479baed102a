import { describe, expect, it } from "vitest";
import {
  InvalidPageError,
  InvalidPaginationOptionError,
  NotFoundError,
  paginate,
  PaginationLinkError,
  PaginationLoopError,
} from "../../src/index.js";
import { envelopeFor, FakeCollection, ORDER_REF, ORIGIN, type Envelope, type FakeRequest } from "./fake-collection.js";

const PATH = "/v2.1/orders/{orderRef}/orderItems";
const init = (query: { limit?: number; offset?: number } = { limit: 100 }) => ({
  params: { path: { orderRef: ORDER_REF }, query },
});

function listAll(fake: FakeCollection, concurrency = 4) {
  return paginate(fake.client, PATH, init(), { concurrency }).collect({ max: 100_000 });
}

/** A copy of `href` with another offset. */
function withOffset(href: string, offset: number): string {
  const url = new URL(href);
  url.searchParams.set("offset", String(offset));
  return url.href;
}

function withoutLast({ last: _last, ...page }: Envelope): Envelope {
  return page;
}

describe("paginate: loop detection", () => {
  it("ends with PaginationLoopError when the server repeats the first page under the offset asked for", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (_, request: FakeRequest) => ({
        ...envelopeFor(request.url, 0, request.limit, 1000),
        offset: request.offset,
      }),
    });
    const error = await listAll(fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(error).toMatchObject({ reason: "repeated-page" });
    expect(fake.requests.length).toBeLessThanOrEqual(5);
  });

  it("lists every item when the pages' hrefs leave their query out", async () => {
    const fake = new FakeCollection({ total: 250, rewrite: (page) => ({ ...page, href: page.href!.split("?")[0]! }) });
    const items = await paginate(fake.client, PATH, {
      params: { path: { orderRef: ORDER_REF }, query: { limit: 100 } },
    }).collect({ max: 1_000 });
    expect(items.map((item) => item.ref)).toEqual(Array.from({ length: 250 }, (_, i) => `item-${i}`));
  });

  it.each([1, 4])(
    "ends with InvalidPageError when a page is not the one asked for (concurrency %i)",
    async (concurrency) => {
      // Asked for offset 200, the server answers with the page at 150: 150–199 would come twice, 250–299 never.
      const fake = new FakeCollection({
        total: 500,
        rewrite: (page, request: FakeRequest) =>
          request.offset === 200 ? envelopeFor(request.url, 150, 100, 500) : page,
      });
      const seen: string[] = [];
      const error = await (async () => {
        for await (const item of paginate(
          fake.client,
          PATH,
          { params: { path: { orderRef: ORDER_REF }, query: { limit: 100 } } },
          { concurrency },
        ))
          seen.push(item.ref ?? "");
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidPageError);
      expect((error as Error).message).toContain("its offset is 150, not the 200 asked for");
      expect(seen).toHaveLength(200);
      expect(new Set(seen).size).toBe(200);
    },
  );

  it("ends with PaginationLoopError, before sending it, when a next link points back", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) => {
        const linked = withoutLast(page);
        return page.offset === 100 && page.next ? { ...linked, next: { href: withOffset(page.next.href, 0) } } : linked;
      },
    });
    const error = await listAll(fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(error).toMatchObject({ reason: "offset-not-advancing", offset: 0, previousOffset: 100 });
    expect(fake.offsets()).toEqual([0, 100]);
  });

  it("ends with PaginationLoopError when the first page's next link names its own offset", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) => (page.next ? { ...page, next: { href: withOffset(page.next.href, page.offset) } } : page),
    });
    await expect(listAll(fake)).rejects.toMatchObject({ name: "PaginationLoopError", reason: "offset-not-advancing" });
    expect(fake.offsets()).toEqual([0]);
  });
});

describe("paginate: page links stay on the client's origin", () => {
  it("refuses a next link to another origin without requesting it", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) =>
        page.next ? { ...page, next: { href: page.next.href.replace(ORIGIN, "https://evil.test") } } : page,
    });
    const error = await listAll(fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationLinkError);
    expect(error).toMatchObject({ link: "next", expectedOrigin: ORIGIN });
    expect(fake.requests.map((r) => r.url.origin)).toEqual([ORIGIN]);
  });

  it("refuses a last link to another origin without requesting anything past the first page", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) =>
        page.last ? { ...page, last: { href: page.last.href.replace(ORIGIN, "http://cdp.test") } } : page,
    });
    await expect(listAll(fake)).rejects.toMatchObject({ name: "PaginationLinkError", link: "last" });
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ["at concurrency 1, on the first page", 1, 0],
    ["at the default concurrency, on a later page", undefined, 100],
  ])("refuses a last link to another origin %s", async (_, concurrency, from) => {
    const fake = new FakeCollection({
      total: 250,
      rewrite: (page) =>
        page.last && page.offset >= from
          ? { ...page, last: { href: page.last.href.replace(ORIGIN, "http://cdp.test") } }
          : page,
    });
    const listing = paginate(fake.client, PATH, init(), concurrency === undefined ? {} : { concurrency });
    await expect(listing.collect({ max: 1000 })).rejects.toMatchObject({ name: "PaginationLinkError", link: "last" });
  });

  it("refuses a link that carries user info, and does not repeat it in the error", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) =>
        page.next ? { ...page, next: { href: page.next.href.replace("https://", "https://user:secret@") } } : page,
    });
    const error = await listAll(fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationLinkError);
    expect(String((error as Error).message)).not.toContain("secret");
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    [
      "a next link with user info that is not a URL",
      (href: string) => href.replace("https://cdp.test", "https://user:secret@cdp.test:99999"),
      "PaginationLinkError",
    ],
    // URL parsers read user info after backslashes, and drop tabs and line breaks anywhere.
    [
      "a next link with user info after backslashes that is not a URL",
      (href: string) => href.replace("https://cdp.test", "https:\\\\user:secret@cdp.test:99999"),
      "PaginationLinkError",
    ],
    [
      "a next link with user info after a tab that is not a URL",
      (href: string) => href.replace("https://cdp.test", "https:/\t/user:secret@cdp.test:99999"),
      "PaginationLinkError",
    ],
    [
      "a next link with a slash in its user info that is not a URL",
      (href: string) => href.replace("https://cdp.test", "https://user:se/cret@cdp.test"),
      "PaginationLinkError",
    ],
    [
      "a next link with a question mark in its user info that is not a URL",
      (href: string) => href.replace("https://cdp.test", "https://user:se?cret@cdp.test:99999"),
      "PaginationLinkError",
    ],
    // A blob: URL's origin is its inner URL's, whose user info it cannot drop.
    [
      "a blob: next link around a URL with user info",
      (href: string) => `blob:${href.replace("https://", "https://user:secret@").replace(/offset=\d+&?/, "")}`,
      "PaginationLinkError",
    ],
    ["a page whose own href, with user info, comes back twice", undefined, "PaginationLoopError"],
    [
      "a page whose own href, with user info after backslashes, comes back twice",
      "\\\\user:secret@cdp test/v2.1/orders/o1/orderItems?offset=0&limit=100",
      "PaginationLoopError",
    ],
  ] as const)("does not repeat the user info of %s in the error", async (_, nextHref, name) => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) =>
        typeof nextHref === "function"
          ? page.next
            ? { ...page, next: { href: nextHref(page.next.href) } }
            : page
          : { ...page, href: nextHref ?? `https://user:secret@cdp.test/v2.1/orders/o1/orderItems?offset=0&limit=100` },
    });
    const error = await listAll(fake).catch((e: unknown) => e);
    expect(error).toMatchObject({ name });
    expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).not.toMatch(/secret|cret@/);
  });

  it("names a relative next link that names no offset by its resolved URL, an @ in its path kept", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) =>
        page.next ? { ...page, next: { href: "/v2.1/guests/jane@example.com/orders?limit=10" } } : page,
    });
    const error = await listAll(fake).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "PaginationLinkError",
      href: `${ORIGIN}/v2.1/guests/jane@example.com/orders?limit=10`,
    });
  });

  // Past the end, a server that links a next page from every page would be followed for ever.
  it.each([1, 4])(
    "ends with PaginationLoopError at an empty page that links a next one (concurrency %i)",
    async (concurrency) => {
      const fake = new FakeCollection({
        total: 250,
        rewrite: (page) => ({ ...page, next: { href: withOffset(page.href, page.offset + 100) } }),
      });
      const error = await listAll(fake, concurrency).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaginationLoopError);
      expect(error).toMatchObject({
        reason: "empty-page",
        offset: 300,
        message: expect.stringMatching(/the page at offset 300 has no items but links a next page/),
      });
      expect(Math.max(...fake.offsets())).toBe(300);
    },
  );

  it("percent-encodes control characters of a link it names, so it cannot write to a terminal", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) => (page.next ? { ...page, next: { href: "orderItems?limit=100\u001b]0;pwned\u0007" } } : page),
    });
    await expect(listAll(fake)).rejects.toMatchObject({ href: "orderItems?limit=100%1B]0;pwned%07" });
  });

  it("names a relative next link that names no offset as the page gave it", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) => (page.next ? { ...page, next: { href: "orderItems?limit=100" } } : page),
    });
    await expect(listAll(fake)).rejects.toMatchObject({ name: "PaginationLinkError", href: "orderItems?limit=100" });
  });

  it("ignores the links of a page that has no next, wherever they point", async () => {
    const foreign = (href: string) => href.replace(ORIGIN, "https://api-engage-eu.sitecorecloud.io");
    const fake = new FakeCollection({
      total: 40,
      rewrite: (page) => ({ ...page, href: foreign(page.href), last: { href: foreign(page.last!.href) } }),
    });
    expect(await listAll(fake)).toHaveLength(40);
  });

  it("follows a same-origin relative next link", async () => {
    const fake = new FakeCollection({
      total: 250,
      rewrite: (page) => {
        const linked = withoutLast(page);
        if (!page.next) return linked;
        const next = new URL(page.next.href);
        return { ...linked, next: { href: `${next.pathname}${next.search}` } };
      },
    });
    expect(await listAll(fake)).toHaveLength(250);
    expect(fake.offsets()).toEqual([0, 100, 200]);
  });
});

describe("paginate: options are checked before anything is sent", () => {
  it.each([9, 101, 50.5, Number.NaN])("refuses limit %s", (limit) => {
    const fake = new FakeCollection({ total: 10 });
    expect(() => paginate(fake.client, PATH, init({ limit }))).toThrow(InvalidPaginationOptionError);
    expect(fake.requests).toEqual([]);
  });

  it.each([
    ["signal", { signal: AbortSignal.abort() }, /^init\.signal must be in paginate's options \(its fourth argument\)/],
    [
      "headers",
      { headers: { authorization: "Basic c2VjcmV0" } },
      /^init\.headers must be left out: a listing sends the request's path and query only; got a value\./,
    ],
    [
      "params.header",
      { params: { ...init().params, header: { "x-trace": "1" } } },
      /^init\.params\.header must be left out/,
    ],
  ])(
    "refuses a request with %s, which a listing would leave behind, without repeating its value",
    (_, extra, message) => {
      const fake = new FakeCollection({ total: 10 });
      // What the types refuse, as JavaScript could still give it.
      const request = { ...init(), ...extra } as unknown as ReturnType<typeof init>;
      const error = (() => {
        try {
          paginate(fake.client, PATH, request);
        } catch (thrown) {
          return thrown as InvalidPaginationOptionError;
        }
      })();
      expect(error).toBeInstanceOf(InvalidPaginationOptionError);
      expect(error!.message).toMatch(message);
      expect(JSON.stringify({ ...error, message: error!.message })).not.toContain("c2VjcmV0");
      expect(fake.requests).toEqual([]);
    },
  );

  it("accepts limits 10 and 100 and sends them", async () => {
    for (const limit of [10, 100]) {
      const fake = new FakeCollection({ total: 5 });
      await paginate(fake.client, PATH, init({ limit })).collect({ max: 5 });
      expect(fake.requests.map((r) => r.limit)).toEqual([limit]);
    }
  });

  it.each([0, -1, 1.5])("refuses concurrency %s", (concurrency) => {
    const fake = new FakeCollection({ total: 10 });
    expect(() => paginate(fake.client, PATH, init(), { concurrency })).toThrow(InvalidPaginationOptionError);
  });

  it("refuses a negative start offset and a max that is not a non-negative integer", async () => {
    const fake = new FakeCollection({ total: 10 });
    expect(() => paginate(fake.client, PATH, init({ offset: -10 }))).toThrow(InvalidPaginationOptionError);
    await expect(paginate(fake.client, PATH, init()).collect({ max: Infinity })).rejects.toBeInstanceOf(
      InvalidPaginationOptionError,
    );
    // From JavaScript, without the required options.
    const unbounded = paginate(fake.client, PATH, init()) as unknown as { collect(): Promise<unknown> };
    await expect(unbounded.collect()).rejects.toMatchObject({
      name: "InvalidPaginationOptionError",
      message: expect.stringMatching(/max/),
    });
    expect(fake.requests).toEqual([]);
  });
});

describe("paginate: failed pages", () => {
  it("rejects with the API error of a failed page, naming the operation and the page", async () => {
    const fake = new FakeCollection({
      total: 1000,
      rewrite: (page) =>
        page.offset === 200 ? Response.json({ status: 404, code: 404, message: "gone" }, { status: 404 }) : page,
    });
    const error = await listAll(fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, operation: "GET /v2.1/orders/{orderRef}/orderItems" });
    expect((error as NotFoundError).url).toContain("offset=200");
  });

  it("rejects with InvalidPageError when a page is not a collection envelope", async () => {
    const fake = new FakeCollection({ total: 10, rewrite: () => Response.json({ data: [] }) });
    await expect(listAll(fake)).rejects.toBeInstanceOf(InvalidPageError);
  });
});
