// verify deletes what it created, newest first, when a step fails and when it is interrupted;
// with --keep it leaves it all.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FaultPlan } from "../../test/fake-cdp/faults.js";
import { startFakeCdp, type FakeCdp } from "../../test/fake-cdp/server.js";
import { runCliHere, spawnCli } from "./cli-process.js";
import { fakeHolds, type VerifyReport } from "./verify-support.js";

const EMPTY = { orders: 0, items: 0, contacts: 0, consumers: 0, orderExtensions: 0, itemExtensions: 0 };

let fake: FakeCdp;

beforeEach(async () => {
  fake = await startFakeCdp();
});
afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

/** Answers 403 to the first request of each of these operations (`METHOD /template`). */
function refuseOnce(...operations: string[]): FaultPlan {
  const refused = new Set<string>();
  return ({ operation }) => {
    if (!operations.includes(operation) || refused.has(operation)) return undefined;
    refused.add(operation);
    return { kind: "status", status: 403 };
  };
}

async function verify(...flags: string[]) {
  const run = await runCliHere(["verify", "--base-url", fake.url, "--json", ...flags]);
  return { ...run, report: JSON.parse(run.stdout) as VerifyReport };
}

const rowOf = (report: VerifyReport, operation: string) => report.operations.find((r) => r.operation === operation)!;

describe("verify after failed steps", () => {
  it("runs what does not depend on them, reports them as errors, and deletes what the steps left", async () => {
    fake.setFaults(
      refuseOnce(
        "POST /v2.1/orders/{orderRef}/orderItems",
        "DELETE /v2.1/orderContacts/{orderContactRef}",
        "DELETE /v2.1/orders/{orderRef}",
      ),
    );
    const { code, report } = await verify();
    expect(code).toBe(1);
    expect(rowOf(report, "createOrderItem")).toMatchObject({
      result: "error",
      seen: 403,
      finding: expect.stringMatching(/^Injected fault/),
    });
    // What needs the item did not run; the rest did.
    for (const operation of ["retrieveOrderItem", "createOrderItemDataExtension", "deleteOrderItem"]) {
      expect(rowOf(report, operation)).toMatchObject({ result: "error", finding: "not run: no order item to work on" });
    }
    expect(rowOf(report, "createOrderItemDataExtension").seen).toBeNull();
    expect(rowOf(report, "listOrderItems").result).toBe("ok");
    expect(rowOf(report, "deleteOrderConsumer").result).toBe("ok");
    expect(rowOf(report, "deleteOrderContact")).toMatchObject({ result: "error", seen: 403 });
    expect(rowOf(report, "deleteOrder")).toMatchObject({ result: "error", seen: 403 });
    // The contact and the order were left by their failed deletes: the cleanup deleted them, newest first.
    expect(report.cleanup.deleted).toEqual([
      expect.stringMatching(/^order contact /),
      expect.stringMatching(/^order /),
    ]);
    expect(report.cleanup.left).toEqual([]);
    expect(fakeHolds(fake)).toEqual(EMPTY);
  });
});

describe("verify after a create that got no answer", () => {
  it("names what that create may have made, which it cannot delete, and exits 1", async () => {
    fake.setFaults(({ operation }) =>
      operation === "POST /v2.1/orders/{orderRef}/contacts" ? { kind: "reset-after" } : undefined,
    );
    const { code, report } = await verify();
    expect(code).toBe(1);
    expect(rowOf(report, "createOrderContact")).toMatchObject({ result: "error", seen: null });
    expect(rowOf(report, "createOrderContact").finding).toMatch(/^ConnectionError: /);
    expect(rowOf(report, "retrieveOrderContact").finding).toBe("not run: no order contact to work on");
    expect(report.cleanup.left).toEqual([
      { what: "order contact (createOrderContact got no answer: it may exist)", reason: "its ref is not known" },
    ]);
    // The fake made the contact; deleting the order took it along.
    expect(fakeHolds(fake)).toEqual(EMPTY);
  });
});

describe("verify --keep", () => {
  it("leaves everything it created, skips the deletes, and exits 1: not every operation was checked", async () => {
    const { code, report } = await verify("--keep");
    expect(code).toBe(1);
    const skipped = report.operations.filter((row) => row.result === "skipped").map((row) => row.operation);
    expect(skipped).toEqual([
      "deleteOrderItemDataExtension",
      "deleteOrderDataExtension",
      "deleteOrderConsumer",
      "deleteOrderItem",
      "deleteOrderContact",
      "deleteOrder",
    ]);
    expect(report.summary).toEqual({ ok: 32, drift: 0, error: 0, skipped: 6 });
    expect(report.cleanup.left).toHaveLength(6);
    expect(report.cleanup.left.every(({ reason }) => reason === "--keep")).toBe(true);
    expect(fakeHolds(fake)).toEqual({
      orders: 1,
      items: 1,
      contacts: 1,
      consumers: 1,
      orderExtensions: 1,
      itemExtensions: 1,
    });
    const [order] = fake.store.orders.values();
    expect(order!.fields.referenceId).toBe(`${report.prefix}-order`);
    expect(report.prefix).toMatch(/^cdp-orders-verify-\d+$/);
  });
});

describe("verify interrupted with Ctrl-C", { timeout: 60_000 }, () => {
  it("finishes the request in flight, deletes what was created and exits 130", async () => {
    fake.setLatency(100);
    const run = spawnCli(["verify", "--base-url", fake.url]);
    const deadline = Date.now() + 30_000;
    while (fake.store.items.size === 0 && run.child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(fake.store.items.size).toBe(1);
    run.child.kill("SIGINT");
    const result = await run.done;
    expect(result.signal, result.stderr).toBeNull();
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain("Stopping: finishing the request in flight, then deleting what was created");
    expect(result.stdout).toContain("not run: interrupted");
    expect(result.stdout).toMatch(/^38 operations: \d+ ok, 0 drift, \d+ error; interrupted\.$/m);
    expect(result.stdout).toContain("Cleanup: nothing the run created is left");
    expect(fakeHolds(fake)).toEqual(EMPTY);
    // The cleanup deleted each resource itself, newest first, and sent nothing after.
    const deletes = fake.requests.filter((request) => request.method === "DELETE").map((request) => request.operation);
    expect(deletes).toEqual([
      "DELETE /v2.1/orderItems/{orderItemRef}",
      "DELETE /v2.1/orderContacts/{orderContactRef}",
      "DELETE /v2.1/orders/{orderRef}",
    ]);
    expect(fake.requests.at(-1)!.operation).toBe("DELETE /v2.1/orders/{orderRef}");
  });
});
