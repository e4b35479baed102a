// Helpers shared by the contract tests: the spec's named examples, and what Prism says
// about a request it accepted or rejected.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { parse } from "yaml";
import type { operations } from "../../generated/schema.js";

type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
/** The JSON request body of an operation. */
type RequestOf<Op extends keyof operations> = Json<operations[Op]["requestBody"]>;
/** The JSON body of an operation's response with the given status. */
type ResponseOf<Op extends keyof operations, Status extends keyof operations[Op]["responses"]> = Json<
  operations[Op]["responses"][Status]
>;

/**
 * The type of each named example in openapi/components/examples/, taken from an
 * operation that uses it. `npm run lint:spec` checks every example against its schema,
 * so the cast in `example()` is backed by the linter, not by hope.
 */
interface ExampleTypes {
  Order: ResponseOf<"retrieveOrder", 200>;
  OrderRequest: RequestOf<"createOrder">;
  OrderPatchRequest: RequestOf<"partiallyUpdateOrder">;
  OrderList: ResponseOf<"listOrders", 200>;
  OrderItem: ResponseOf<"retrieveOrderItem", 200>;
  OrderItemRequest: RequestOf<"createOrderItem">;
  OrderItemPatchRequest: RequestOf<"partiallyUpdateOrderItem">;
  OrderItemList: ResponseOf<"listOrderItems", 200>;
  OrderItemLinkList: ResponseOf<"listOrderConsumerOrderItems", 200>;
  OrderContact: ResponseOf<"retrieveOrderContact", 200>;
  OrderContactRequest: RequestOf<"createOrderContact">;
  OrderContactList: ResponseOf<"listOrderContacts", 200>;
  OrderConsumer: ResponseOf<"retrieveOrderConsumer", 200>;
  OrderConsumerRequest: RequestOf<"createOrderConsumer">;
  OrderConsumerList: ResponseOf<"listOrderConsumers", 200>;
  OrderDataExtension: ResponseOf<"retrieveOrderDataExtension", 200>;
  OrderDataExtensionRequest: RequestOf<"createOrderDataExtension">;
  OrderDataExtensionPatchRequest: RequestOf<"partiallyUpdateOrderDataExtension">;
  OrderDataExtensionList: ResponseOf<"listOrderDataExtensions", 200>;
  OrderItemDataExtension: ResponseOf<"retrieveOrderItemDataExtension", 200>;
  OrderItemDataExtensionRequest: RequestOf<"createOrderItemDataExtension">;
  OrderItemDataExtensionPatchRequest: RequestOf<"partiallyUpdateOrderItemDataExtension">;
  OrderItemDataExtensionList: ResponseOf<"listOrderItemDataExtensions", 200>;
  BadRequestError: ResponseOf<"retrieveOrder", 400>;
  UnauthorizedError: ResponseOf<"retrieveOrder", 401>;
}

const EXAMPLES_DIR = new URL("../../openapi/components/examples/", import.meta.url);

/** The `value` of openapi/components/examples/<name>.yaml, freshly parsed on every call. */
export function example<Name extends keyof ExampleTypes>(name: Name): ExampleTypes[Name] {
  const file: unknown = parse(readFileSync(new URL(`${name}.yaml`, EXAMPLES_DIR), "utf8"));
  if (file === null || typeof file !== "object" || !("value" in file)) {
    throw new Error(`openapi/components/examples/${name}.yaml has no "value"`);
  }
  return file.value as ExampleTypes[Name];
}

/** The references the spec's examples use, so paths and bodies tell one story. */
export const refs = {
  orderRef: example("Order").ref,
  orderItemRef: example("OrderItem").ref,
  orderContactRef: example("OrderContact").ref,
  orderConsumerRef: example("OrderConsumer").ref,
} as const;

/** One entry of Prism's `sl-violations` response header. */
export interface Violation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/** Prism's `sl-violations` header, parsed; [] when Prism found nothing wrong. */
export function violations(response: Response): Violation[] {
  const header = response.headers.get("sl-violations");
  return header === null ? [] : (JSON.parse(header) as Violation[]);
}

/**
 * Asserts that Prism answered 400 with the spec's BadRequest example, and that its
 * violations are exactly the ones expected (each matched on the fields given).
 */
export function expectRejected(
  result: { response: Response; error?: unknown },
  ...expected: Partial<Violation>[]
): void {
  expect(result.response.status).toBe(400);
  expect(result.error).toEqual(example("BadRequestError"));
  const found = violations(result.response);
  expect(found).toHaveLength(expected.length);
  expect(found).toEqual(expect.arrayContaining(expected.map((v) => expect.objectContaining(v))));
}

/** Asserts a 204 with no body: openapi-fetch gives no data and nothing is left to read. */
export async function expectNoContent(result: { response: Response; data?: unknown }): Promise<void> {
  expect(result.response.status).toBe(204);
  expect(result.data).toBeUndefined();
  expect(await result.response.text()).toBe("");
}
