import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderFields, type OrderLine } from "../src/import/order-line.js";
import { sampleOrders, toNdjson } from "../../test/fake-cdp/sample-orders.js";
import { FAKE_CREDENTIALS, startFakeCdp, type FakeCdp } from "../../test/fake-cdp/server.js";
import { PassThrough, Writable } from "node:stream";
import { runCli } from "../src/run-cli.js";
import { runExport } from "../src/export/run-export.js";
import { createOrderClient, unwrap } from "sitecore-cdp-orders";
import { cliEnv, runCliHere } from "./cli-process.js";

let fake: FakeCdp;
let dir: string;
const lines = sampleOrders(3, { prefix: "EXPORT" });
// An order-level consumer, besides the one under the first item.
lines[0]!.consumers = [{ firstName: "Order", lastName: "Level" }];

beforeAll(async () => {
  fake = await startFakeCdp();
  dir = mkdtempSync(join(tmpdir(), "cdp-orders-export-"));
  const input = join(dir, "orders.ndjson");
  writeFileSync(input, toNdjson(lines));
  const imported = await runCliHere(["import", input, "--base-url", fake.url, "--quiet"]);
  if (imported.code !== 0) throw new Error(imported.stderr);
});
afterAll(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const exporting = async (...args: string[]) => {
  const run = await runCliHere(["export", "--base-url", fake.url, ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OrderLine);
};

/** Output every write to which fails with `code`. */
const failingOutput = (code: string) =>
  new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error(`write ${code}`), { code })) });

describe("cdp-orders export", () => {
  it.each([
    ["EPIPE", 0, ""],
    ["ENOSPC", 1, "cdp-orders: Error: write ENOSPC"],
  ] as const)("ends when its output fails with %s, with exit code %i", async (code, exitCode, message) => {
    const stderr = new PassThrough();
    let err = "";
    stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    const args = ["export", "--base-url", fake.url, "--reference-id", "EXPORT-000001", "--expand"];
    expect(await runCli(args, { stdout: failingOutput(code), stderr, env: cliEnv() })).toBe(exitCode);
    expect(err.trim()).toBe(message);
  });

  it("writes the order fields only, without --expand", async () => {
    expect(await exporting("--reference-id", "EXPORT-000002")).toEqual([orderFields(lines[1]!)]);
  });

  it("writes each order once when several selectors list it", async () => {
    const exported = await exporting(
      "--reference-id",
      "EXPORT-000001",
      "--reference-id",
      "EXPORT-000001",
      "--reference-id",
      "EXPORT-000003",
    );
    expect(exported.map((line) => line.referenceId)).toEqual(["EXPORT-000001", "EXPORT-000003"]);
  });

  it("with --expand, puts the consumers the API links to no item under the order, in the order listed", async () => {
    const [line] = await exporting("--reference-id", "EXPORT-000001", "--expand");
    expect(line!.items!.every((item) => item.consumers === undefined)).toBe(true);
    expect(line!.consumers).toEqual([...lines[0]!.items![0]!.consumers!, ...lines[0]!.consumers!]);
    expect(line!.contact).toEqual(lines[0]!.contact);
    expect(line!.ext).toEqual(lines[0]!.ext);
    expect(line!.items!.map((item) => item.ext)).toEqual(lines[0]!.items!.map((item) => item.ext));
  });

  it("with --expand, reads in full the members that lists answer only as links", async () => {
    const expected = await exporting("--reference-id", "EXPORT-000001", "--expand");
    fake.setIgnoreExpand(true);
    try {
      expect(await exporting("--reference-id", "EXPORT-000001", "--expand")).toEqual(expected);
    } finally {
      fake.setIgnoreExpand(false);
    }
    expect(expected[0]!.consumers!.every((consumer) => consumer.firstName !== undefined)).toBe(true);
  });

  // Two orders of one guest: the first fails while the second still has requests to make.
  it("ends at the first failure and leaves no request running", async () => {
    const own = await startFakeCdp();
    try {
      const input = join(dir, "one-guest.ndjson");
      writeFileSync(input, toNdjson(sampleOrders(2, { prefix: "FAILING", guests: 1, items: 30 })));
      const imported = await runCliHere(["import", input, "--base-url", own.url, "--quiet"]);
      expect(imported.code, imported.stderr).toBe(0);
      const [first, second] = [...own.store.orders.values()];
      const guestRef = [...own.store.contacts.values()][0]!.guestRef;
      own.setFaults(({ url }) =>
        url.startsWith(`/v2.1/orders/${first!.ref}/contacts`)
          ? { kind: "status", status: 500 }
          : url.startsWith("/v2.1/orders?")
            ? undefined
            : { kind: "delay", ms: 300 },
      );
      const stderr = new PassThrough();
      let err = "";
      stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
      const args = ["export", "--base-url", own.url, "--guest-ref", guestRef, "--concurrency", "2", "--expand"];
      expect(await runCli(args, { stdout: new PassThrough(), stderr, env: cliEnv() })).toBe(1);
      const endedAt = Date.now();
      expect(err).toMatch(new RegExp(`InternalServerError: GET .*/orders/${first!.ref}/contacts`));
      // Long enough for the second order's next requests, 300 ms apart, to have come.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(own.requests.filter((request) => request.receivedAt > endedAt).map((request) => request.url)).toEqual([]);
      expect(own.requests.some((request) => request.url.startsWith(`/v2.1/orders/${second!.ref}/orderItems`))).toBe(
        true,
      );
    } finally {
      await own.close();
    }
    // An import of 60 items and a 1.5 s watch: more than the default 5 s on a busy machine.
  }, 20_000);

  it("writes an order the import would refuse (an item without a referenceId) as it is, and says so", async () => {
    const cdp = createOrderClient({ baseUrl: fake.url, ...FAKE_CREDENTIALS });
    const { ref: orderRef } = await unwrap(
      cdp.POST("/v2.1/orders", { body: { ...orderFields(lines[0]!), referenceId: "EXPORT-BARE-ITEM" } }),
    );
    const item = { name: "Cable", type: "ACCESSORY", price: 5, currencyCode: "EUR", status: "CONFIRMED" };
    await unwrap(cdp.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef } }, body: item }));
    const run = await runCliHere(["export", "--base-url", fake.url, "--reference-id", "EXPORT-BARE-ITEM", "--expand"]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as OrderLine).items).toEqual([item]);
    expect(run.stderr).toBe(
      "cdp-orders: line 1 (referenceId EXPORT-BARE-ITEM) would be refused by the import: body.items[0].referenceId: is required: items are matched by it when an import resumes\n",
    );
  });

  it.each(["EPIPE", "ENOSPC"])(
    "writes every line when its warnings cannot be written (stderr fails with %s)",
    async (code) => {
      const cdp = createOrderClient({ baseUrl: fake.url, ...FAKE_CREDENTIALS });
      const referenceIds = ["EXPORT-BARE-W1", "EXPORT-BARE-W2", "EXPORT-BARE-W3"].map((id) => `${id}-${code}`);
      for (const referenceId of referenceIds) {
        const { ref: orderRef } = await unwrap(
          cdp.POST("/v2.1/orders", { body: { ...orderFields(lines[0]!), referenceId } }),
        );
        await unwrap(
          cdp.POST("/v2.1/orders/{orderRef}/orderItems", {
            params: { path: { orderRef } },
            body: { name: "Cable", type: "ACCESSORY", price: 5, currencyCode: "EUR", status: "CONFIRMED" },
          }),
        );
      }
      const stdout = new PassThrough();
      let out = "";
      stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
      const args = [
        "export",
        "--base-url",
        fake.url,
        "--expand",
        ...referenceIds.flatMap((id) => ["--reference-id", id]),
      ];
      expect(await runCli(args, { stdout, stderr: failingOutput(code), env: cliEnv() })).toBe(0);
      expect(
        out
          .trim()
          .split("\n")
          .map((line) => (JSON.parse(line) as OrderLine).referenceId),
      ).toEqual(referenceIds);
    },
  );

  it.each([
    [["--help"], "stdout", 0],
    [["export", "--bogus"], "stderr", 2],
    [["export", "--reference-id", "R1", "--base-url", "http://cdp.example"], "stderr", 2],
  ] as const)("ends %j with its own exit code when its %s cannot be written", async (argv, failing, exitCode) => {
    const io = { stdout: new PassThrough(), stderr: new PassThrough(), env: cliEnv() };
    io[failing] = failingOutput("EPIPE") as PassThrough;
    expect(await runCli(argv, io)).toBe(exitCode);
    // A write's error comes after it returns: the run must outlive it.
    await new Promise((resolve) => setImmediate(resolve));
  });

  it("writes an order's first contact and says when the API lists more", async () => {
    const cdp = createOrderClient({ baseUrl: fake.url, ...FAKE_CREDENTIALS });
    const { ref: orderRef } = await unwrap(
      cdp.POST("/v2.1/orders", { body: { ...orderFields(lines[0]!), referenceId: "EXPORT-TWO-CONTACTS" } }),
    );
    for (const firstName of ["First", "Second"]) {
      await unwrap(
        cdp.POST("/v2.1/orders/{orderRef}/contacts", {
          params: { path: { orderRef } },
          body: { firstName, emails: [`${firstName.toLowerCase()}@example.com`] },
        }),
      );
    }
    const run = await runCliHere([
      "export",
      "--base-url",
      fake.url,
      "--reference-id",
      "EXPORT-TWO-CONTACTS",
      "--expand",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as OrderLine).contact).toEqual({
      firstName: "First",
      emails: ["first@example.com"],
    });
    expect(run.stderr).toBe(
      "cdp-orders: order EXPORT-TWO-CONTACTS has 2 contacts; a line holds one, so only the first listed is written\n",
    );
  });

  it("writes nothing, successfully, for a guest without orders", async () => {
    expect(await exporting("--guest-ref", "00000000-0000-4000-8000-000000000000")).toEqual([]);
  });
});

describe("runExport, against answers the fake does not give", () => {
  const BASE = "https://cdp.test";
  const order = (ref: string) => ({
    ref,
    href: `${BASE}/v2.1/orders/${ref}`,
    referenceId: ref,
    status: "PURCHASED",
    orderedAt: "2024-01-01T00:00:00Z",
    currencyCode: "EUR",
    price: 1,
    channel: "WEB",
  });
  const page = (url: URL, items: object[], next?: string) => ({
    href: url.href,
    offset: Number(url.searchParams.get("offset") ?? 0),
    limit: 100,
    items,
    ...(next ? { next: { href: next } } : {}),
  });
  const exportWith = (answer: (url: URL) => Promise<Response>, selectors: { referenceId: string }[]) => {
    const fetch = (request: Request) => answer(new URL(request.url));
    const client = createOrderClient({ baseUrl: BASE, clientKey: "k", apiToken: "t", fetch, retry: { maxRetries: 0 } });
    const output = new PassThrough();
    let text = "";
    output.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    const run = runExport({ client, selectors, expand: false, concurrency: 4, output });
    return {
      run,
      lines: () =>
        text
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { referenceId: string }),
    };
  };

  it("writes each order a listing names only by its href, once per order", async () => {
    const { run, lines } = exportWith(
      async (url) => {
        if (url.pathname === "/v2.1/orders")
          return Response.json(page(url, [{ href: `${BASE}/v2.1/orders/ORD-${url.searchParams.get("referenceId")}` }]));
        return Response.json(order(url.pathname.split("/").pop()!));
      },
      [{ referenceId: "A" }, { referenceId: "B" }, { referenceId: "A" }],
    );
    expect(await run).toEqual({ orders: 2, refusedByImport: 0 });
    expect(lines().map((line) => line.referenceId)).toEqual(["ORD-A", "ORD-B"]);
  });

  it("reports the failure that ended the run, not the aborts it caused", async () => {
    const { run } = exportWith(
      async (url) => {
        if (url.pathname === "/v2.1/orders") {
          if (url.searchParams.get("offset") === "100")
            return Response.json({ status: 400, message: "page 2 refused" }, { status: 400 });
          return Response.json(
            page(
              url,
              [{ href: `${BASE}/v2.1/orders/O1` }, { href: `${BASE}/v2.1/orders/O2` }],
              `${BASE}/v2.1/orders?referenceId=A&expand=true&offset=100&limit=100`,
            ),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        return Response.json(order(url.pathname.split("/").pop()!));
      },
      [{ referenceId: "A" }],
    );
    await expect(run).rejects.toMatchObject({
      name: "BadRequestError",
      message: expect.stringMatching(/page 2 refused/),
    });
  });
});
