// verify against a tenant that departs from the spec: the fake CDP behind a proxy that
// rewrites chosen answers. Each departure is reported at its operation and path, the run
// fails, and the cleanup still leaves the fake empty.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeCdp, type FakeCdp } from "../../test/fake-cdp/server.js";
import { runCliHere } from "./cli-process.js";
import { startDriftProxy, type DriftProxy, type ProxiedAnswer } from "./drift-proxy.js";
import { fakeHolds, type VerifyReport } from "./verify-support.js";

let fake: FakeCdp;
let proxy: DriftProxy;

const edit =
  (change: (body: Record<string, unknown>) => void) =>
  ({ status, body }: ProxiedAnswer): ProxiedAnswer => {
    const copy = structuredClone(body) as Record<string, unknown>;
    change(copy);
    return { status, body: copy };
  };

beforeAll(async () => {
  fake = await startFakeCdp();
  proxy = await startDriftProxy(fake.url, {
    retrieveOrder: edit((order) => {
      order.price = String(order.price);
    }),
    retrieveOrderItem: edit((item) => {
      delete item.name;
    }),
    partiallyUpdateOrder: edit((order) => {
      order.status = "SHIPPED";
    }),
    createOrderConsumer: ({ body }) => ({ status: 200, body }),
    listOrderItems: edit((page) => {
      delete page.last;
    }),
    retrieveOrderContact: edit((contact) => {
      contact.loyaltyTier = "gold";
    }),
  });
});
afterAll(async () => {
  await proxy.close();
  await fake.close();
});

describe("verify against a tenant that departs from the spec", () => {
  let run: { code: number; stdout: string; stderr: string };
  let report: VerifyReport;

  beforeAll(async () => {
    run = await runCliHere(["verify", "--base-url", proxy.url, "--json"]);
    report = JSON.parse(run.stdout) as VerifyReport;
  });

  const row = (operation: string) => report.operations.find((r) => r.operation === operation)!;

  it("exits 1, with every deviation at its operation and path and every other operation ok", () => {
    expect(run.code, run.stderr).toBe(1);
    expect(report.operations).toHaveLength(38);
    const drifted = report.operations.filter((r) => r.result !== "ok").map((r) => r.operation);
    expect(drifted.sort()).toEqual([
      "createOrderConsumer",
      "partiallyUpdateOrder",
      "retrieveOrder",
      "retrieveOrderItem",
    ]);
    expect(report.summary).toEqual({ ok: 34, drift: 4, error: 0, skipped: 0 });
  });

  it("reports a wrong field type", () => {
    expect(row("retrieveOrder")).toMatchObject({ result: "drift", expected: 200, seen: 200 });
    expect(row("retrieveOrder").findings).toEqual([{ path: "body.price", rule: "type", message: "must be number" }]);
  });

  it("reports a missing required field", () => {
    expect(row("retrieveOrderItem").findings).toEqual([
      { path: "body.name", rule: "required", message: "is required" },
    ]);
  });

  it("reports an unlisted enum value", () => {
    expect(row("partiallyUpdateOrder").findings).toEqual([
      expect.objectContaining({ path: "body.status", rule: "enum" }),
    ]);
  });

  it("reports 200 where 201 is documented, and still deletes the consumer that answer created", () => {
    expect(row("createOrderConsumer")).toMatchObject({ result: "drift", expected: 201, seen: 200 });
    expect(row("createOrderConsumer").findings[0]).toMatchObject({ path: "status", rule: "status" });
    expect(row("createOrderConsumer").findings[0]!.message).toMatch(/^200 is not documented/);
    expect(row("retrieveOrderConsumer").result).toBe("ok");
    expect(row("deleteOrderConsumer")).toMatchObject({ result: "ok", seen: 204 });
  });

  it("notes a list envelope without last at its operation, though the spec allows it", () => {
    expect(row("listOrderItems")).toMatchObject({ result: "ok", findings: [] });
    expect(row("listOrderItems").notes).toEqual([expect.objectContaining({ path: "body.last", rule: "optional" })]);
    expect(row("listOrderItems").finding).toMatch(/^note: body\.last: absent/);
  });

  it("lists the undocumented field under its schema, with the operation that answered it", () => {
    expect(report.undocumented).toContainEqual({
      schema: "OrderContact",
      field: "loyaltyTier",
      operations: ["retrieveOrderContact"],
    });
  });

  it("leaves the fake empty, and sent it only requests the spec allows", () => {
    expect(proxy.rewritten).toHaveLength(6);
    expect(report.cleanup).toEqual({ deleted: [], left: [] });
    expect(fakeHolds(fake)).toEqual({
      orders: 0,
      items: 0,
      contacts: 0,
      consumers: 0,
      orderExtensions: 0,
      itemExtensions: 0,
    });
    expect(fake.violations).toEqual([]);
  });
});
