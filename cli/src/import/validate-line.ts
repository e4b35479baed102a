// Checks one NDJSON line before anything is sent: its shape, the rules the import adds
// (a referenceId on the order and on every item, unique within the line), and each request
// it will make, with the same validators the client runs. Paths name the place in the line.
import { loadRequestViolations, type RequestParts, type Violation } from "sitecore-cdp-orders";
import {
  consumersOf,
  ITEM_CHILD_KEYS,
  ITEM_FIELDS,
  itemFields,
  ORDER_CHILD_KEYS,
  ORDER_FIELDS,
  orderFields,
  PERSON_FIELDS,
  type ItemLine,
  type OrderLine,
} from "./order-line.js";

export type CheckedLine = { ok: true; line: OrderLine } | { ok: false; violations: Violation[] };

// Stands in for refs the server has not assigned yet, so path parameters validate.
const PENDING_REF = "pending";

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

// Loaded once, as the module is: every line is checked with them.
const specViolations = await loadRequestViolations();

/** Runs the client's validator for one request and moves each violation's `body…` path under `at`. */
function requestViolations(operation: string, parts: RequestParts, at: string): Violation[] {
  return specViolations(operation, parts).map((v) => ({
    ...v,
    path: v.path.startsWith("body") ? `${at}${v.path.slice("body".length)}` : v.path,
  }));
}

// A lone surrogate (half of a UTF-16 pair, as a string cut in the wrong place leaves).
const LONE_SURROGATE = /\p{Cs}/u;

/** Where in `value` (under `at`) strings hold a lone surrogate: `at.key`, `at[0]`, … */
function loneSurrogatePaths(value: unknown, at: string): string[] {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? [at] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    loneSurrogatePaths(inner, Array.isArray(value) ? `${at}[${key}]` : `${at}.${key}`),
  );
}

function shapeViolations(line: Record<string, unknown>): Violation[] {
  const problems: Violation[] = [];
  const expect = (value: unknown, path: string, type: "object" | "array") => {
    if (value === undefined) return true;
    const ok = type === "array" ? Array.isArray(value) : isObject(value);
    if (!ok) problems.push({ path, rule: "type", message: `must be ${type === "array" ? "an array" : "an object"}` });
    return ok;
  };
  expect(line.contact, "body.contact", "object");
  expect(line.ext, "body.ext", "object");
  if (expect(line.consumers, "body.consumers", "array")) {
    for (const [i, person] of ((line.consumers as unknown[] | undefined) ?? []).entries()) {
      expect(person, `body.consumers[${i}]`, "object");
    }
  }
  if (expect(line.items, "body.items", "array")) {
    (line.items as unknown[] | undefined)?.forEach((item, i) => {
      if (!expect(item, `body.items[${i}]`, "object") || !isObject(item)) return;
      expect(item.ext, `body.items[${i}].ext`, "object");
      if (expect(item.consumers, `body.items[${i}].consumers`, "array")) {
        for (const [j, person] of ((item.consumers as unknown[] | undefined) ?? []).entries()) {
          expect(person, `body.items[${i}].consumers[${j}]`, "object");
        }
      }
    });
  }
  return problems;
}

// The API keeps quiet about fields it does not know, so a misspelt key (`item` for `items`)
// would lose its data without a word: a line may hold only the keys the import knows.
// The fields the server assigns are known too: the validators refuse them with their own words.
const SERVER_KEYS = ["ref", "href", "guest", "order", "orderItems", "createdAt", "modifiedAt"];
const ORDER_KEYS = new Set<string>([...ORDER_FIELDS, ...SERVER_KEYS, ...ORDER_CHILD_KEYS]);
const ITEM_KEYS = new Set<string>([...ITEM_FIELDS, ...SERVER_KEYS, ...ITEM_CHILD_KEYS]);
const PERSON_KEYS = new Set<string>([...PERSON_FIELDS, ...SERVER_KEYS]);
// A contact's or consumer's body may link its guest (and a consumer its order items), but a
// line cannot know their URLs.
const PERSON_LINKS = new Set(["guest", "orderItems"]);

function unknownKeys(
  value: Record<string, unknown>,
  known: ReadonlySet<string>,
  at: string,
  person = false,
): Violation[] {
  return Object.keys(value).flatMap((key): Violation[] => {
    const path = `${at}.${key}`;
    if (person && PERSON_LINKS.has(key))
      return [
        { path, rule: "additionalProperties", message: "is not imported: a person's links are not part of a line" },
      ];
    return known.has(key)
      ? []
      : [{ path, rule: "additionalProperties", message: "is not a field the import knows; check its spelling" }];
  });
}

function unknownKeyViolations(line: OrderLine): Violation[] {
  const items = line.items ?? [];
  return [
    ...unknownKeys(line, ORDER_KEYS, "body"),
    ...(line.contact === undefined ? [] : unknownKeys(line.contact, PERSON_KEYS, "body.contact", true)),
    ...items.flatMap((item, i) => unknownKeys(item, ITEM_KEYS, `body.items[${i}]`)),
    ...consumersOf(line).flatMap(({ person, at }) => unknownKeys(person, PERSON_KEYS, `body.${at}`, true)),
  ];
}

/**
 * Strings holding a lone surrogate (a broken UTF-16 string): such a referenceId could be
 * sent in a body but never in the query that looks it up, so a resume could not find it.
 */
function malformedStrings(line: OrderLine): Violation[] {
  return loneSurrogatePaths(line, "body").map((path) => ({
    path,
    rule: "wellFormed",
    message: "holds a lone surrogate (a string cut in the middle of a character)",
  }));
}

/** The referenceId rules of each item, by item. */
function itemReferenceViolations(items: ItemLine[]): Violation[][] {
  const seen = new Map<string, number>();
  return items.map((item, index): Violation[] => {
    const path = `body.items[${index}].referenceId`;
    if (item.referenceId === undefined)
      return [{ path, rule: "required", message: "is required: items are matched by it when an import resumes" }];
    if (typeof item.referenceId !== "string" || item.referenceId === "") return [];
    const first = seen.get(item.referenceId);
    if (first === undefined) {
      seen.set(item.referenceId, index);
      return [];
    }
    return [{ path, rule: "unique", message: `repeats the referenceId of items[${first}]` }];
  });
}

/**
 * Parses and checks one line of an import file; a line that cannot be checked is invalid.
 * `utf8` is false when its bytes were not UTF-8: sent, its text would be changed for good.
 */
export function checkLine(text: string, utf8 = true): CheckedLine {
  if (!utf8) return { ok: false, violations: [{ path: "body", rule: "utf8", message: "is not UTF-8 text" }] };
  try {
    return checkText(text);
  } catch (error) {
    // Nesting deeper than the checks can follow, for one.
    return {
      ok: false,
      violations: [{ path: "body", rule: "checkable", message: `cannot be checked: ${(error as Error).message}` }],
    };
  }
}

function checkText(text: string): CheckedLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      violations: [{ path: "body", rule: "json", message: `is not JSON: ${(error as Error).message}` }],
    };
  }
  if (!isObject(parsed))
    return {
      ok: false,
      violations: [{ path: "body", rule: "type", message: "must be a JSON object (one order per line)" }],
    };
  const shape = shapeViolations(parsed);
  if (shape.length > 0) return { ok: false, violations: shape };

  const line = parsed as OrderLine;
  const items = line.items ?? [];
  const orderRef = PENDING_REF;
  const referenceRules = itemReferenceViolations(items);
  const orderViolations = requestViolations("POST /v2.1/orders", { body: orderFields(line) }, "body");
  // Resuming finds an order by its orderedAt: one the spec's format admits but no date parser
  // reads (a leap second) could not be found, and would be created twice.
  if (!orderViolations.some((v) => v.path === "body.orderedAt") && Number.isNaN(Date.parse(line.orderedAt))) {
    orderViolations.push({
      path: "body.orderedAt",
      rule: "date-time",
      message: "must be a date-time that can be compared: no leap second (:60), such as 2024-03-01T10:15:00+01:00",
    });
  }
  const violations = [
    ...malformedStrings(line),
    ...unknownKeyViolations(line),
    ...orderViolations,
    ...(line.contact === undefined
      ? []
      : requestViolations(
          "POST /v2.1/orders/{orderRef}/contacts",
          { path: { orderRef }, body: line.contact },
          "body.contact",
        )),
    ...items.flatMap((item, i) => [
      ...referenceRules[i]!,
      ...requestViolations(
        "POST /v2.1/orders/{orderRef}/orderItems",
        { path: { orderRef }, body: itemFields(item) },
        `body.items[${i}]`,
      ),
      ...(item.ext === undefined
        ? []
        : requestViolations(
            "POST /v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}",
            { path: { orderItemRef: PENDING_REF, dataExtensionName: "ext" }, body: item.ext },
            `body.items[${i}].ext`,
          )),
    ]),
    ...consumersOf(line).flatMap(({ person, at }) =>
      requestViolations("POST /v2.1/orders/{orderRef}/consumers", { path: { orderRef }, body: person }, `body.${at}`),
    ),
    ...(line.ext === undefined
      ? []
      : requestViolations(
          "POST /v2.1/orders/{orderRef}/extensions/{dataExtensionName}",
          { path: { orderRef, dataExtensionName: "ext" }, body: line.ext },
          "body.ext",
        )),
  ];
  return violations.length === 0 ? { ok: true, line } : { ok: false, violations };
}

/** `line 12: body.items[1].name: must NOT have more than 128 characters (maxLength)`. */
export function describeViolation(lineNumber: number, violation: Violation): string {
  return `line ${lineNumber}: ${violation.path}: ${violation.message} (${violation.rule})`;
}
