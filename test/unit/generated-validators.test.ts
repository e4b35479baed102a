// The generated request validators are self-contained ES code: ajv's CommonJS runtime helpers
// (code point length, ajv-formats' date and uri, RFC 3339's date-time) are inlined by the generator
// (scripts/standalone-runtime.ts). These check the file and the helpers' behaviour through
// the real validators.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { describe, expect, it } from "vitest";
import { requestViolations } from "../../src/validation/request-violations.js";
import { ROOT } from "../support/paths.js";

const item = { name: "Phone", type: "MOBILE", price: 1, currencyCode: "EUR", status: "CONFIRMED" };

function rules(operation: string, parts: Parameters<typeof requestViolations>[1]): string[] {
  return requestViolations(operation, parts).map((v) => `${v.path} ${v.rule}`);
}

const nameRules = (name: string) =>
  rules("POST /v2.1/orders/{orderRef}/orderItems", { path: { orderRef: "o1" }, body: { ...item, name } });
const orderedAtRules = (orderedAt: string) =>
  rules("POST /v2.1/orders", { body: { referenceId: "R1", orderedAt, currencyCode: "EUR", price: 1 } });
const passportExpiryRules = (passportExpiry: string) =>
  rules("POST /v2.1/orders/{orderRef}/contacts", { path: { orderRef: "o1" }, body: { passportExpiry } });
const guestLinkRules = (href: string) =>
  rules("POST /v2.1/orders/{orderRef}/consumers", { path: { orderRef: "o1" }, body: { guest: { href } } });

describe("generated/request-validators.js", () => {
  it("imports and requires nothing", () => {
    const code = readFileSync(join(ROOT, "generated/request-validators.js"), "utf8");
    // Static and dynamic imports, re-exports from another module, and require().
    expect(code).not.toMatch(/\bimport\s*(?:[*{("']|\w+\s*(?:,|from\b))/);
    expect(code).not.toMatch(/\bexport\s*(?:\*|\{[^}]*\})\s*from\b/);
    expect(code).not.toMatch(/\brequire\s*\(/);
  });
});

describe("the inlined helpers, through the validators", () => {
  it("count an astral character in a maxLength string once", () => {
    expect(nameRules("😀".repeat(128))).toEqual([]);
    expect(nameRules("😀".repeat(129))).toEqual(["body.name maxLength"]);
    // A lone surrogate is one character too.
    expect(nameRules(`${"😀".repeat(127)}\ud83d`)).toEqual([]);
  });

  it.each(["2024-02-29T10:00:00Z", "2024-02-29t10:00:00.5z", "2024-02-29T10:00:00+01:00", "2016-12-31T23:59:60Z"])(
    "accept the date-time %j",
    (value) => {
      expect(orderedAtRules(value)).toEqual([]);
    },
  );

  it.each([
    "2023-02-29T10:00:00Z",
    "2024-13-01T10:00:00Z",
    "2024-02-29T25:00:00Z",
    "2024-02-29T10:00:00",
    "2024-02-29",
    "2024-02-29T10:00:00+24:00",
    "2024-02-29T10:00:60Z",
    // RFC 3339 has neither a space for the "T" nor an offset without a colon or minutes.
    "2024-02-29 10:00:00Z",
    "2024-02-29T10:00:00+0100",
    "2024-02-29T10:00:00+01",
  ])("reject the date-time %j", (value) => {
    expect(orderedAtRules(value)).toEqual(["body.orderedAt format"]);
  });

  it.each(["2024-02-29", "2000-02-29", "2023-12-31"])("accept the date %j", (value) => {
    expect(passportExpiryRules(value)).toEqual([]);
  });

  it.each(["2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "2024-2-29", "2024-02-29T10:00:00Z"])(
    "reject the date %j",
    (value) => {
      expect(passportExpiryRules(value)).toEqual(["body.passportExpiry format"]);
    },
  );

  // The generated code must decide as ajv-formats' full formats, which it replaces; for a
  // date-time, only where RFC 3339's shape (a "T", an offset with a colon) holds too.
  const RFC3339_SHAPE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i;
  const edgeCases = [
    "2024-02-29T10:00:00Z",
    "2024-02-29T10:00:00z",
    "2024-02-29\t10:00:00Z",
    "2024-02-29\u00a010:00:00Z",
    "2024-02-29T10:00:00+0530",
    "2024-02-29T10:00:00-05",
    "2024-02-29T10:00:00+05:60",
    "2024-02-29T10:00:00.123456Z",
    "2024-01-01T00:59:60+01:00",
    "2023-12-31T18:59:60-05:00",
    "2024-01-01T23:59:60Z",
    "2024-02-29TT10:00:00Z",
    "2024-02-29T10:00Z",
    "2024-02-29",
    "0000-02-29",
    "9999-12-31",
    "2024-06-31",
    "",
  ];
  it.each(edgeCases)("decide %j as ajv-formats does", (value) => {
    const dateTime = fullFormats["date-time"] as { validate: (s: string) => boolean };
    const date = fullFormats.date as { validate: (s: string) => boolean };
    expect(orderedAtRules(value).length === 0).toBe(dateTime.validate(value) && RFC3339_SHAPE.test(value));
    expect(passportExpiryRules(value).length === 0).toBe(date.validate(value));
  });

  const uris = [
    "https://api-engage-eu.sitecorecloud.io/v2.1/guests/g1",
    "http://[::1]:8080/a?b=c#d",
    "urn:isbn:0451450523",
    "HTTPS://EXAMPLE.COM/",
    "mailto:ann@example.com",
    "/v2.1/guests/g1",
    "api-engage-eu.sitecorecloud.io/v2.1",
    "https://exa mple.com/",
    "https://example.com/%zz",
    "",
  ];
  it.each(uris)("decide the uri %j as ajv-formats does", (value) => {
    const uri = fullFormats.uri as (s: string) => boolean;
    expect(guestLinkRules(value).length === 0).toBe(uri(value));
  });

  it("hold an int32 to its range where the spec sets no bound of its own", () => {
    const quantityRules = (quantity: number) =>
      rules("POST /v2.1/orders/{orderRef}/orderItems", { path: { orderRef: "o1" }, body: { ...item, quantity } });
    expect(quantityRules(2 ** 31 - 1)).toEqual([]);
    expect(quantityRules(2 ** 31)).toEqual(["body.quantity maximum"]);
    expect(quantityRules(-(2 ** 31) - 1)).toEqual(["body.quantity minimum"]);
    const offsetRules = (offset: number) => rules("GET /v2.1/orders", { query: { referenceId: "R1", offset } });
    expect(offsetRules(3e9)).toEqual(["query.offset maximum"]);
    expect(offsetRules(-1)).toEqual(["query.offset minimum"]);
    expect(rules("GET /v2.1/orders", { query: { referenceId: "R1", limit: 101 } })).toEqual(["query.limit maximum"]);
  });

  it("refuse a link that is not an absolute URI", () => {
    expect(guestLinkRules("/v2.1/guests/g1")).toEqual(["body.guest.href format"]);
    expect(guestLinkRules("https://api-engage-eu.sitecorecloud.io/v2.1/guests/g1")).toEqual([]);
  });
});
