// The get-started flow of the Order REST API v2.1, one function per step. `runDemo` runs
// steps 1-8, then always runs step 9, which deletes whatever was created so far.
import type { OrderClient } from "../src/index.js";

export const TOTAL_STEPS = 9;

type Print = (line: string) => void;

/** A request answered with a non-2xx status; the message carries CDP's error message. */
export class HttpFailure extends Error {
  override name = "HttpFailure";
  constructor(response: Response, body: unknown) {
    super(httpSummary(response, body));
  }
}

/** The exit reason: which step failed and why. `cleanup` says what step 9 could not delete. */
export class StepFailure extends Error {
  override name = "StepFailure";
  cleanup: StepFailure | undefined;
  constructor(
    readonly step: number,
    readonly stepName: string,
    reason: unknown,
  ) {
    super(`Step ${step} "${stepName}" failed: ${describeError(reason)}`);
  }
}

function httpSummary(response: Response, body: unknown): string {
  let label = response.statusText;
  let message = "";
  if (typeof body === "object" && body !== null) {
    if ("status" in body && typeof body.status === "string") label = body.status;
    if ("message" in body && typeof body.message === "string") message = body.message;
  } else if (typeof body === "string") {
    message = body.slice(0, 200);
  }
  return `HTTP ${response.status}${label ? ` ${label}` : ""}${message ? `: ${message}` : ""}`;
}

/** One line about any error; HTTP failures and configuration errors never hold the token. */
export function describeError(error: unknown): string {
  if (error instanceof HttpFailure) return error.message;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.name === "Error" ? "" : `${error.name}: `}${error.message}${cause}`;
  }
  return String(error);
}

/** The body of a 2xx answer; anything else throws. */
async function body<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await pending;
  if (error !== undefined || !response.ok) throw new HttpFailure(response, error);
  if (data === undefined) throw new Error(`HTTP ${response.status} without a body`);
  return data;
}

/** Resolves when the answer is 2xx (a delete answers 204 with no body). */
async function noContent(pending: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await pending;
  if (error !== undefined || !response.ok) throw new HttpFailure(response, error);
}

/** What the flow created so far, in creation order, so step 9 can undo it. */
interface Created {
  orderRef?: string;
  contactRef?: string;
  guestHref?: string | undefined;
  guestRef?: string;
  itemRefs: string[];
  consumerRef?: string;
  orderExtension?: boolean;
  itemExtensionOf?: string;
}

function orderRefOf(s: Created): string {
  if (s.orderRef === undefined) throw new Error("no order was created");
  return s.orderRef;
}

// Step 1
async function createOrder(client: OrderClient, s: Created, stamp: number): Promise<string> {
  const order = await body(
    client.POST("/v2.1/orders", {
      body: {
        referenceId: `demo-${stamp}`,
        orderedAt: new Date(stamp).toISOString().replace(/\.\d{3}Z$/, "Z"),
        currencyCode: "EUR",
        price: 125,
        paymentType: "Card",
        cardType: "Visa",
        channel: "WEB",
        status: "PURCHASED",
      },
    }),
  );
  s.orderRef = order.ref;
  return `ref ${order.ref} (referenceId demo-${stamp})`;
}

// Step 2
async function createContact(client: OrderClient, s: Created, stamp: number): Promise<string> {
  const email = `demo.contact+${stamp}@example.com`;
  const contact = await body(
    client.POST("/v2.1/orders/{orderRef}/contacts", {
      params: { path: { orderRef: orderRefOf(s) } },
      body: {
        firstName: "Demo",
        lastName: "Contact",
        emails: [email],
        country: "IE",
        identifiers: [{ provider: "email", id: email }],
      },
    }),
  );
  s.contactRef = contact.ref;
  s.guestHref = contact.guest?.href;
  return `ref ${contact.ref}`;
}

// Step 3
async function addItems(client: OrderClient, s: Created, stamp: number): Promise<string> {
  const items = [
    { name: "Mobile AZ10", type: "MOBILE", productId: "1233-44", price: 105 },
    { name: "Extended warranty", type: "WARRANTY", productId: "W-2Y", price: 20 },
  ];
  for (const [index, item] of items.entries()) {
    const created = await body(
      client.POST("/v2.1/orders/{orderRef}/orderItems", {
        params: { path: { orderRef: orderRefOf(s) } },
        body: {
          ...item,
          currencyCode: "EUR",
          status: "CONFIRMED",
          quantity: 1,
          referenceId: `demo-${stamp}-${index + 1}`,
        },
      }),
    );
    s.itemRefs.push(created.ref);
  }
  return `refs ${s.itemRefs.join(", ")}`;
}

// Step 4
async function addConsumer(client: OrderClient, s: Created, stamp: number): Promise<string> {
  const email = `demo.consumer+${stamp}@example.com`;
  const consumer = await body(
    client.POST("/v2.1/orders/{orderRef}/consumers", {
      params: { path: { orderRef: orderRefOf(s) } },
      body: {
        firstName: "Demo",
        lastName: "Consumer",
        emails: [email],
        identifiers: [{ provider: "email", id: email }],
      },
    }),
  );
  s.consumerRef = consumer.ref;
  return `ref ${consumer.ref}`;
}

// Step 5
async function createExtensions(client: OrderClient, s: Created): Promise<string> {
  const orderExt = await body(
    client.POST("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
      params: { path: { orderRef: orderRefOf(s), dataExtensionName: "ext" } },
      body: { firstTimeOrder: true, storeLocation: "Dublin", totalUnits: 2 },
    }),
  );
  s.orderExtension = true;
  const orderItemRef = s.itemRefs[0];
  if (orderItemRef === undefined) throw new Error("no order item was created");
  const itemExt = await body(
    client.POST("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
      params: { path: { orderItemRef, dataExtensionName: "ext" } },
      body: { withWarranty: true, color: "obsidian", capacityInGb: 128 },
    }),
  );
  s.itemExtensionOf = orderItemRef;
  return `refs ${orderExt.ref} (order), ${itemExt.ref} (order item ${orderItemRef})`;
}

// Step 6
async function listItems(client: OrderClient, s: Created): Promise<string> {
  const page = await body(
    client.GET("/v2.1/orders/{orderRef}/orderItems", {
      params: { path: { orderRef: orderRefOf(s) }, query: { expand: true } },
    }),
  );
  const refs = page.items.map((item) => item.ref ?? item.href);
  return `${page.items.length} order items: ${refs.join(", ")}`;
}

// Step 7
async function readOrder(client: OrderClient, s: Created): Promise<string> {
  const order = await body(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: orderRefOf(s) } } }));
  return `ref ${order.ref}, referenceId ${order.referenceId}, ${order.price} ${order.currencyCode}, status ${order.status ?? "-"}`;
}

// Step 8: the guest ref is the last path segment of the contact's `guest.href`.
async function guestRef(client: OrderClient, s: Created): Promise<string> {
  if (s.guestHref === undefined && s.contactRef !== undefined) {
    const contact = await body(
      client.GET("/v2.1/orderContacts/{orderContactRef}", { params: { path: { orderContactRef: s.contactRef } } }),
    );
    s.guestHref = contact.guest?.href;
  }
  const path = s.guestHref === undefined ? "" : new URL(s.guestHref, "https://base.invalid").pathname;
  const ref = path.split("/").filter(Boolean).at(-1);
  if (ref === undefined) throw new Error("the order contact has no guest.href");
  s.guestRef = ref;
  return `guest ref ${ref}`;
}

// Step 9: reverse dependency order; every deletion is tried even if an earlier one fails.
async function deleteCreated(client: OrderClient, s: Created): Promise<string> {
  const deletions: { what: string; ref: string; remove: () => Promise<void> }[] = [];
  const add = (what: string, ref: string, remove: () => Promise<void>) => deletions.push({ what, ref, remove });
  const { itemExtensionOf, consumerRef, contactRef, orderRef } = s;
  if (itemExtensionOf !== undefined) {
    add("order item extension", `ext of order item ${itemExtensionOf}`, () =>
      noContent(
        client.DELETE("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
          params: { path: { orderItemRef: itemExtensionOf, dataExtensionName: "ext" } },
        }),
      ),
    );
  }
  if (s.orderExtension && orderRef !== undefined) {
    add("order extension", `ext of order ${orderRef}`, () =>
      noContent(
        client.DELETE("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
          params: { path: { orderRef, dataExtensionName: "ext" } },
        }),
      ),
    );
  }
  if (consumerRef !== undefined) {
    add("consumer", consumerRef, () =>
      noContent(
        client.DELETE("/v2.1/orderConsumers/{orderConsumerRef}", {
          params: { path: { orderConsumerRef: consumerRef } },
        }),
      ),
    );
  }
  for (const orderItemRef of [...s.itemRefs].reverse()) {
    add("order item", orderItemRef, () =>
      noContent(client.DELETE("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef } } })),
    );
  }
  if (contactRef !== undefined) {
    add("contact", contactRef, () =>
      noContent(
        client.DELETE("/v2.1/orderContacts/{orderContactRef}", { params: { path: { orderContactRef: contactRef } } }),
      ),
    );
  }
  if (orderRef !== undefined) {
    add("order", orderRef, () =>
      noContent(client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })),
    );
  }
  if (deletions.length === 0) return "nothing to delete";
  const problems: string[] = [];
  for (const { what, ref, remove } of deletions) {
    try {
      await remove();
    } catch (error) {
      problems.push(`${what} ${ref}: ${describeError(error)}`);
    }
  }
  if (problems.length > 0) throw new Error(`could not delete ${problems.join("; ")}`);
  return `deleted ${deletions.map(({ what }) => what).join(", ")}`;
}

async function step(number: number, name: string, fn: () => Promise<string>, print: Print): Promise<void> {
  try {
    const summary = await fn();
    print(`${number}/${TOTAL_STEPS} ${name} ... ok  ${summary}`);
  } catch (error) {
    print(`${number}/${TOTAL_STEPS} ${name} ... FAILED`);
    throw new StepFailure(number, name, error);
  }
}

/**
 * Runs the flow against `client`. Rejects with the first StepFailure; step 9 (cleanup)
 * runs in any case, and its own failure is attached as `cleanup` rather than replacing
 * the original reason. Resolves with the guest ref.
 */
export async function runDemo(client: OrderClient, print: Print = console.log, stamp = Date.now()): Promise<string> {
  const s: Created = { itemRefs: [] };
  const flow: [string, () => Promise<string>][] = [
    ["Create the order", () => createOrder(client, s, stamp)],
    ["Create the order contact", () => createContact(client, s, stamp)],
    ["Add two order items", () => addItems(client, s, stamp)],
    ["Add an order consumer", () => addConsumer(client, s, stamp)],
    ["Create the order and order item data extensions", () => createExtensions(client, s)],
    ["List the order items (expand=true)", () => listItems(client, s)],
    ["Read the order back", () => readOrder(client, s)],
    ["Print the guest ref from the contact's guest.href", () => guestRef(client, s)],
  ];
  let failure: StepFailure | undefined;
  for (const [index, [name, fn]] of flow.entries()) {
    try {
      await step(index + 1, name, fn, print);
    } catch (error) {
      failure = error instanceof StepFailure ? error : new StepFailure(index + 1, name, error);
      break;
    }
  }
  const cleanupName = failure ? "Delete what was created (cleanup after the failure)" : "Delete what was created";
  try {
    await step(TOTAL_STEPS, cleanupName, () => deleteCreated(client, s), print);
  } catch (error) {
    if (!(error instanceof StepFailure) || failure === undefined) throw error;
    failure.cleanup = error;
  }
  if (failure) throw failure;
  return s.guestRef ?? "";
}
