// Typed use of the fake from `sitecore-cdp-orders/testing`: its options, faults and store.
import { createOrderClient, unwrap } from "sitecore-cdp-orders";
import { createFakeCdp, type Fault, type FakeOrder, type FakeOperation } from "sitecore-cdp-orders/testing";

const fake = createFakeCdp({ clientKey: "key", apiToken: "token", duplicateOrders: "keep" });
const cdp = createOrderClient({
  baseUrl: "https://fake.cdp.test",
  clientKey: "key",
  apiToken: "token",
  fetch: fake.fetch,
});

const operation: FakeOperation = "POST /v2.1/orders";
const fault: Fault = { kind: "status", status: 429, retryAfter: 0 };
const stop: () => void = fake.fail(fault, { operation, times: 2 });
stop();

export async function created(referenceId: string): Promise<FakeOrder[]> {
  const body = { referenceId, orderedAt: "2024-05-01T10:00:00Z", currencyCode: "EUR", price: 10 };
  await unwrap(cdp.POST("/v2.1/orders", { body }));
  const orders: readonly FakeOrder[] = fake.store.ordersWithReferenceId(referenceId);
  fake.reset();
  return [...orders];
}
