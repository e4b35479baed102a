// verify's plan covers the spec, in an order in which each step has what it needs, and its
// walk finds the fields an answer has beyond the spec.
import { describe, expect, it } from "vitest";
import { loadBundledSpec, operationsOf } from "../../scripts/spec.js";
import { OPERATIONS } from "../src/verify/spec-shapes.generated.js";
import { PLAN } from "../src/verify/plan.js";
import type { Kind } from "../src/verify/resources.js";
import { undocumentedFields } from "../src/verify/undocumented.js";

const specIds = operationsOf(loadBundledSpec()).map(({ op }) => op.operationId);

describe("verify's plan", () => {
  it("has one step for each of the spec's 38 operations", () => {
    const ids = PLAN.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...specIds].sort());
    expect(ids).toHaveLength(38);
    expect(Object.keys(OPERATIONS).sort()).toEqual([...specIds].sort());
  });

  it("creates what each step needs before it, and deletes everything it creates, newest first", () => {
    const created: Kind[] = [];
    const deleted: Kind[] = [];
    for (const step of PLAN) {
      for (const kind of step.needs) expect(created.includes(kind) && !deleted.includes(kind), step.id).toBe(true);
      if (step.creates) created.push(step.creates);
      if (step.deletes) deleted.push(step.deletes);
    }
    expect(deleted).toEqual([...created].reverse());
  });
});

describe("the undocumented fields of an answer", () => {
  const order = { ref: "r", href: "h", referenceId: "R1", orderedAt: "t", currencyCode: "EUR", price: 1 };

  it("are the fields its schema does not list, named by the schema", () => {
    expect(undocumentedFields("Order", { ...order, loyaltyTier: "gold", contact: {} })).toEqual([
      { schema: "Order", field: "loyaltyTier" },
      { schema: "Order", field: "contact" },
    ]);
    expect(undocumentedFields("Order", order)).toEqual([]);
  });

  it("are named by the nearest schema around them", () => {
    const item = { ref: "r", href: "h", name: "n", order: { href: "h", ref: "o" } };
    expect(undocumentedFields("OrderItem", item)).toEqual([{ schema: "Link", field: "ref" }]);
    const contact = { ref: "r", href: "h", identifiers: [{ provider: "p", id: "i", verified: true }] };
    expect(undocumentedFields("OrderContact", contact)).toEqual([{ schema: "Identifier", field: "verified" }]);
  });

  it("are found in a list's members, each taken as the alternative it fits", () => {
    const page = {
      href: "h",
      offset: 0,
      limit: 10,
      total: 2,
      items: [
        { ...order, loyaltyTier: "gold" },
        { href: "h", ref: "r", kind: "link" },
      ],
    };
    expect(undocumentedFields("OrderCollection", page)).toEqual([
      { schema: "OrderCollection", field: "total" },
      { schema: "Order", field: "loyaltyTier" },
      { schema: "ResourceLink", field: "kind" },
    ]);
  });

  it("are none in a data extension, whose keys are the tenant's own", () => {
    const extension = { name: "ext", ref: "r", href: "h", anyKey: 1, another: "x" };
    expect(undocumentedFields("OrderDataExtension", extension)).toEqual([]);
  });
});
