// What only a stateful server can show, against the fake: a read gives back what was
// created or changed, a read after a delete is a NotFoundError, a long collection comes
// back whole and in order through `paginate`, and a resumed import leaves each order once.
//
// The import's own end-to-end proof (1,000 orders through faults, SIGKILL partway, then
// --resume: every order exactly once) is cli/test/kill-and-resume.test.ts, and
// cli/test/import.test.ts resumes after completed, changed and journal-less runs. What is
// added here is a run stopped early (a 403) and resumed, seen over the wire.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCliHere } from "../../cli/test/cli-process.js";
import { exactlyOnceProblems } from "../../cli/test/fake-state.js";
import { createOrderClient, NotFoundError, type OrderClient, paginate, unwrap } from "../../src/index.js";
import { sampleOrders, toNdjson } from "../fake-cdp/sample-orders.js";
import type { ReceivedRequest } from "../fake-cdp/server.js";
import { example } from "./examples.js";
import { basicAuthorization } from "./support/sent.js";
import { type ContractTarget, describeTarget, FAKE } from "./support/targets.js";

/** The fake behind the target: only the fake's target has one. */
function fakeOf(target: ContractTarget) {
  const fake = target.fake;
  if (!fake) throw new Error(`${target.name} is not the fake`);
  return fake;
}

/** The most requests the fake was answering at one moment. */
function mostAtOnce(requests: readonly ReceivedRequest[]): number {
  const edges = requests.flatMap((r) => [
    { at: r.receivedAt, step: 1 },
    { at: r.answeredAt ?? Number.POSITIVE_INFINITY, step: -1 },
  ]);
  // An answer and an arrival in the same millisecond do not overlap: the answer counts first.
  edges.sort((a, b) => a.at - b.at || a.step - b.step);
  let now = 0;
  let most = 0;
  for (const edge of edges) {
    now += edge.step;
    most = Math.max(most, now);
  }
  return most;
}

describeTarget(
  FAKE,
  "State against the fake",
  (target) => {
    it("reads back each kind of record as it was created, and as it was changed", async () => {
      const client = target.client;
      const order = await unwrap(client.POST("/v2.1/orders", { body: example("OrderRequest") }));
      const orderRef = order.ref;
      expect(await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).toEqual(order);

      const item = await unwrap(
        client.POST("/v2.1/orders/{orderRef}/orderItems", {
          params: { path: { orderRef } },
          body: example("OrderItemRequest"),
        }),
      );
      const itemPath = { orderItemRef: item.ref };
      expect(await unwrap(client.GET("/v2.1/orderItems/{orderItemRef}", { params: { path: itemPath } }))).toEqual(item);

      const contact = await unwrap(
        client.POST("/v2.1/orders/{orderRef}/contacts", {
          params: { path: { orderRef } },
          body: example("OrderContactRequest"),
        }),
      );
      const contactPath = { orderContactRef: contact.ref };
      expect(
        await unwrap(client.GET("/v2.1/orderContacts/{orderContactRef}", { params: { path: contactPath } })),
      ).toEqual(contact);

      const consumer = await unwrap(
        client.POST("/v2.1/orders/{orderRef}/consumers", {
          params: { path: { orderRef } },
          body: example("OrderConsumerRequest"),
        }),
      );
      const consumerPath = { orderConsumerRef: consumer.ref };
      expect(
        await unwrap(client.GET("/v2.1/orderConsumers/{orderConsumerRef}", { params: { path: consumerPath } })),
      ).toEqual(consumer);

      const extPath = { orderRef, dataExtensionName: "ext" } as const;
      const ext = await unwrap(
        client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
          params: { path: extPath },
          body: example("OrderDataExtensionRequest"),
        }),
      );
      expect(
        await unwrap(
          client.GET("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: { path: extPath } }),
        ),
      ).toEqual(ext);

      const itemExtPath = { orderItemRef: item.ref, dataExtensionName: "ext" } as const;
      const itemExt = await unwrap(
        client.POST("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
          params: { path: itemExtPath },
          body: example("OrderItemDataExtensionRequest"),
        }),
      );
      expect(
        await unwrap(
          client.GET("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
            params: { path: itemExtPath },
          }),
        ),
      ).toEqual(itemExt);

      // Changed: what the change answered is what a read gives from then on.
      const patched = await unwrap(
        client.PATCH("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, body: example("OrderPatchRequest") }),
      );
      expect(patched).toMatchObject({ ...example("OrderRequest"), ...example("OrderPatchRequest") });
      expect(await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).toEqual(patched);
      const replaced = await unwrap(
        client.PUT("/v2.1/orderItems/{orderItemRef}", {
          params: { path: itemPath },
          body: { ...example("OrderItemRequest"), quantity: 4, price: 420 },
        }),
      );
      expect(replaced).toMatchObject({ quantity: 4, price: 420 });
      expect(await unwrap(client.GET("/v2.1/orderItems/{orderItemRef}", { params: { path: itemPath } }))).toEqual(
        replaced,
      );
      const merged = await unwrap(
        client.PATCH("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
          params: { path: extPath },
          body: example("OrderDataExtensionPatchRequest"),
        }),
      );
      expect(merged).toMatchObject({
        ...example("OrderDataExtensionRequest"),
        ...example("OrderDataExtensionPatchRequest"),
      });
      expect(
        await unwrap(
          client.GET("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: { path: extPath } }),
        ),
      ).toEqual(merged);
    });

    it("answers a read after a delete with a NotFoundError, and a deleted order takes its records with it", async () => {
      const client = target.client;
      const notFound = async (read: Promise<unknown>) => {
        const error = await read.then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ status: 404 });
      };

      // Each kind deleted on its own.
      const { orderItemRef } = await target.given.orderItemDataExtension();
      const itemExtPath = { orderItemRef, dataExtensionName: "ext" } as const;
      await unwrap(
        client.DELETE("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
          params: { path: itemExtPath },
        }),
      );
      await notFound(
        unwrap(
          client.GET("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
            params: { path: itemExtPath },
          }),
        ),
      );
      await unwrap(client.DELETE("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef } } }));
      await notFound(unwrap(client.GET("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef } } })));

      const { orderContactRef } = await target.given.orderContact();
      await unwrap(client.DELETE("/v2.1/orderContacts/{orderContactRef}", { params: { path: { orderContactRef } } }));
      await notFound(
        unwrap(client.GET("/v2.1/orderContacts/{orderContactRef}", { params: { path: { orderContactRef } } })),
      );

      const { orderConsumerRef } = await target.given.orderConsumer();
      await unwrap(
        client.DELETE("/v2.1/orderConsumers/{orderConsumerRef}", { params: { path: { orderConsumerRef } } }),
      );
      await notFound(
        unwrap(client.GET("/v2.1/orderConsumers/{orderConsumerRef}", { params: { path: { orderConsumerRef } } })),
      );

      const { orderRef: extOwner } = await target.given.orderDataExtension();
      const extPath = { orderRef: extOwner, dataExtensionName: "ext" } as const;
      await unwrap(
        client.DELETE("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: { path: extPath } }),
      );
      await notFound(
        unwrap(client.GET("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", { params: { path: extPath } })),
      );

      // An order with one of each: deleting it, none of them can be read any more.
      const order = await unwrap(client.POST("/v2.1/orders", { body: example("OrderRequest") }));
      const orderRef = order.ref;
      const path = { orderRef };
      const item = await unwrap(
        client.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path }, body: example("OrderItemRequest") }),
      );
      const contact = await unwrap(
        client.POST("/v2.1/orders/{orderRef}/contacts", { params: { path }, body: example("OrderContactRequest") }),
      );
      const consumer = await unwrap(
        client.POST("/v2.1/orders/{orderRef}/consumers", { params: { path }, body: example("OrderConsumerRequest") }),
      );
      await unwrap(client.DELETE("/v2.1/orders/{orderRef}", { params: { path } }));
      await notFound(unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path } })));
      await notFound(
        unwrap(client.GET("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef: item.ref } } })),
      );
      await notFound(
        unwrap(
          client.GET("/v2.1/orderContacts/{orderContactRef}", { params: { path: { orderContactRef: contact.ref } } }),
        ),
      );
      await notFound(
        unwrap(
          client.GET("/v2.1/orderConsumers/{orderConsumerRef}", {
            params: { path: { orderConsumerRef: consumer.ref } },
          }),
        ),
      );
      await notFound(unwrap(client.GET("/v2.1/orders/{orderRef}/orderItems", { params: { path } })));
      // Every one of those 404s is the API's answer, not a request that broke the spec.
      expect(target.recorded().filter((r) => r.response?.status === 404)).toHaveLength(10);
    });

    /** An order with 250 items, PAGE-001 to PAGE-250, created once for both listings. */
    let longOrder: Promise<{ orderRef: string; created: string[] }> | undefined;
    const orderWith250Items = (client: OrderClient) =>
      (longOrder ??= (async () => {
        const { orderRef } = await target.given.order();
        const created: string[] = [];
        for (let i = 1; i <= 250; i++) {
          const item = await unwrap(
            client.POST("/v2.1/orders/{orderRef}/orderItems", {
              params: { path: { orderRef } },
              body: { ...example("OrderItemRequest"), referenceId: `PAGE-${String(i).padStart(3, "0")}` },
            }),
          );
          created.push(item.ref);
        }
        return { orderRef, created };
      })());

    it.each([1, 8])(
      "lists 250 order items through paginate at concurrency %i: all of them, in order, one request per page",
      async (concurrency) => {
        const fake = fakeOf(target);
        // The fake's page links name its own origin, and the client follows links within its
        // base URL's origin only: the listing goes to the fake directly, and the fake's own
        // log says what it received.
        const direct = createOrderClient({ baseUrl: fake.url, ...target.credentials });
        const { orderRef, created } = await orderWith250Items(direct);
        // Each page takes a while, so pages requested together are seen together.
        fake.setLatency(concurrency > 1 ? 20 : 0);
        const before = fake.requests.length;
        try {
          const listed = await paginate(
            direct,
            "/v2.1/orders/{orderRef}/orderItems",
            { params: { path: { orderRef }, query: { expand: true, limit: 10 } } },
            { concurrency },
          ).collect({ max: 1_000 });
          expect(listed.map((item) => item.ref)).toEqual(created);
          expect(listed.map((item) => item.referenceId)).toEqual(
            created.map((_, i) => `PAGE-${String(i + 1).padStart(3, "0")}`),
          );
        } finally {
          fake.setLatency(0);
        }

        const pages = fake.requests.slice(before);
        const offsets = Array.from({ length: 25 }, (_, i) => i * 10);
        expect(pages.every((r) => r.operation === "GET /v2.1/orders/{orderRef}/orderItems")).toBe(true);
        expect(pages.every((r) => r.outcome === 200)).toBe(true);
        const asked = pages.map((r) => {
          const url = new URL(r.url, fake.url);
          expect(url.pathname).toBe(`/v2.1/orders/${orderRef}/orderItems`);
          return Object.fromEntries(url.searchParams);
        });
        const page = (offset: number) => ({ expand: "true", offset: String(offset), limit: "10" });
        if (concurrency === 1) {
          // One page after the other, in order.
          expect(asked).toEqual(offsets.map(page));
          expect(mostAtOnce(pages)).toBe(1);
        } else {
          // The first page alone, then the other 24 up to `last`, each once, some at the same time.
          expect(asked[0]).toEqual(page(0));
          expect(pages[1]!.receivedAt).toBeGreaterThanOrEqual(pages[0]!.answeredAt!);
          expect([...asked].sort((a, b) => Number(a.offset) - Number(b.offset))).toEqual(offsets.map(page));
          expect(mostAtOnce(pages)).toBeGreaterThan(1);
          expect(mostAtOnce(pages)).toBeLessThanOrEqual(concurrency);
        }
      },
      30_000,
    );
  },
  { perOperation: false },
);

// A fake of its own: what the import leaves must be all the fake holds.
describeTarget(FAKE, "A resumed import against the fake", resumedImport, { perOperation: false });

/** A run stopped early (a 403 on the third order), resumed: the rest once, the first two not again. */
function resumedImport(target: ContractTarget) {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cdp-orders-contract-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("resumes an import stopped by a 403: each order once, and nothing sent again for the lines done", async () => {
    const fake = fakeOf(target);
    const lines = sampleOrders(10, { prefix: "STOPPED" });
    const input = join(dir, "orders.ndjson");
    writeFileSync(input, toNdjson(lines));
    // Through the recording proxy, as a user's own network would carry it.
    const importing = (...flags: string[]) =>
      runCliHere(["import", input, "--base-url", target.baseUrl, "--quiet", "--concurrency", "1", ...flags]);

    let orders = 0;
    fake.setFaults(({ operation }) =>
      operation === "POST /v2.1/orders" && ++orders === 3 ? { kind: "status", status: 403 } : undefined,
    );
    try {
      const stopped = await importing();
      expect(stopped.code, stopped.stderr).toBe(1);
    } finally {
      fake.setFaults(undefined);
    }
    const report = () =>
      JSON.parse(readFileSync(`${input}.report.json`, "utf8")) as { summary: Record<string, unknown> };
    expect(report().summary).toMatchObject({ created: 2, failed: 1, notAttempted: 7 });
    const firstRun = target.recorded().length;

    const resumed = await importing("--resume");
    expect(resumed.code, resumed.stderr + resumed.stdout).toBe(0);
    expect(report().summary).toMatchObject({ lines: 10, doneBefore: 2, created: 8, failed: 0 });
    expect(exactlyOnceProblems(fake.store, lines)).toEqual([]);

    const sent = target.recorded().slice(firstRun);
    // The refused line's create had gone out: it is looked up before it is created again.
    expect(sent[0]).toMatchObject({ method: "GET", path: "/v2.1/orders", query: { referenceId: "STOPPED-000003" } });
    const authorization = basicAuthorization(target.credentials);
    expect(sent.filter((r) => r.headers.authorization !== authorization)).toEqual([]);
    const orderCreates = sent.filter((r) => r.method === "POST" && r.path === "/v2.1/orders");
    expect(orderCreates.map((r) => (r.body as { referenceId: string }).referenceId)).toEqual(
      lines.slice(2).map((line) => line.referenceId),
    );
    // The lines done before are neither looked up nor sent: no request names them.
    const done = lines.slice(0, 2).map((line) => line.referenceId);
    expect(sent.filter((r) => done.some((id) => r.search.includes(id) || r.bodyText.includes(id)))).toEqual([]);
  }, 30_000);
}
