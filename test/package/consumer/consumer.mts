// Typed use from an ES module: operations, the raw generated types and the error classes.
import {
  createOrderClient,
  NotFoundError,
  unwrap,
  type components,
  type OrderClient,
  type paths,
} from "sitecore-cdp-orders";

type Order = components["schemas"]["Order"];
type ListOrdersQuery = NonNullable<paths["/v2.1/orders"]["get"]["parameters"]["query"]>;

const cdp: OrderClient = createOrderClient({ region: "eu", clientKey: "key", apiToken: "token" });

export async function sameReferenceOrders(orderRef: string): Promise<Order[]> {
  const order: Order = await unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }));
  const query: ListOrdersQuery = { referenceId: order.referenceId, expand: true, limit: 10 };
  const { data } = await cdp.GET("/v2.1/orders", { params: { query } });
  return (data?.items ?? []).filter((item): item is Order => "referenceId" in item);
}

export function isMissing(error: unknown): boolean {
  return error instanceof NotFoundError && error.status === 404;
}
