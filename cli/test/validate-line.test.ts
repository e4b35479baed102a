// A line's keys: the API ignores fields it does not know, so a misspelt key would lose its
// data without a word; the import refuses any key it does not know, at every level.
import { describe, expect, it } from "vitest";
import { checkLine } from "../src/import/validate-line.js";
import { sampleOrders } from "../../test/fake-cdp/sample-orders.js";

const [sample] = sampleOrders(1, { prefix: "KEYS" });
const pathsOf = (line: object) => {
  const checked = checkLine(JSON.stringify(line));
  return checked.ok ? [] : checked.violations.map((v) => `${v.path} ${v.rule}`);
};

describe("keys of an import line", () => {
  it("accepts a full sample line, and an order's timestamps", () => {
    expect(pathsOf(sample!)).toEqual([]);
    expect(pathsOf({ ...sample!, createdAt: "2024-03-01T10:15:00Z" })).toEqual([]);
  });

  it("refuses a misspelt key at the order, item, contact and consumer levels", () => {
    const { items, contact, ...order } = sample! as unknown as {
      items: Record<string, unknown>[];
      contact: object;
    } & Record<string, unknown>;
    expect(pathsOf({ ...order, item: items, contacts: contact })).toEqual([
      "body.item additionalProperties",
      "body.contacts additionalProperties",
    ]);
    expect(
      pathsOf({
        ...order,
        contact: { ...contact, firstname: "Ann" },
        items: [{ ...items[0], consumer: [{ firstName: "S" }] }],
      }),
    ).toEqual(["body.contact.firstname additionalProperties", "body.items[0].consumer additionalProperties"]);
    expect(pathsOf({ ...order, consumers: [{ lastName: "Doe", passport: "PZ" }] })).toEqual([
      "body.consumers[0].passport additionalProperties",
    ]);
  });

  it("leaves a server-assigned field to the validators' own message, once", () => {
    const checked = checkLine(JSON.stringify({ ...sample!, href: "https://cdp.test/v2.1/orders/o1" }));
    expect(checked.ok ? [] : checked.violations).toEqual([
      { path: "body.href", rule: "false schema", message: "is assigned by the server and must not be sent" },
    ]);
  });

  it("says a contact's and a consumer's links are not imported", () => {
    const { items: _items, ...order } = sample! as unknown as Record<string, unknown>;
    const consumer = { firstName: "S", orderItems: { items: [{ href: "https://cdp.test/v2.1/orderItems/i1" }] } };
    const contact = { firstName: "C", guest: { href: "https://cdp.test/v2/guests/g1" } };
    const checked = checkLine(JSON.stringify({ ...order, contact, consumers: [consumer] }));
    expect(checked.ok ? [] : checked.violations.map((v) => `${v.path}: ${v.message}`)).toEqual([
      "body.contact.guest: is not imported: a person's links are not part of a line",
      "body.consumers[0].orderItems: is not imported: a person's links are not part of a line",
    ]);
  });

  it("refuses a string with a lone surrogate anywhere in the line: its referenceId could never be looked up", () => {
    const { items, ...order } = sample! as unknown as { items: Record<string, unknown>[] } & Record<string, unknown>;
    const line = { ...order, referenceId: "SHOP-\ud800-1", items: [{ ...items[0], name: "cut \udc00" }] };
    expect(pathsOf(line)).toEqual(["body.referenceId wellFormed", "body.items[0].name wellFormed"]);
  });
});
