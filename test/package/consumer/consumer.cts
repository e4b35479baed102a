// Typed use from a CommonJS module: under node16 this import resolves the `require` types.
import { createOrderClient, unwrap, type components } from "sitecore-cdp-orders";

type OrderItemInput = components["schemas"]["OrderItemInput"];

export async function addItem(orderRef: string, item: OrderItemInput): Promise<string> {
  const cdp = createOrderClient({ baseUrl: "http://127.0.0.1:4010", clientKey: "key", apiToken: "token" });
  const created = await unwrap(
    cdp.POST("/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef } }, body: item }),
  );
  return created.ref;
}
