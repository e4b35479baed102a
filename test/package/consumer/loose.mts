// Compiled by tsconfig.loose.json: a project without strict (so without strictNullChecks),
// where a listing's item types must still follow expand.
import { createOrderClient, paginate, type components, type ResourceLink } from "sitecore-cdp-orders";

type ItemOfListing<L> = L extends AsyncIterable<infer Item> ? Item : never;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const cdp = createOrderClient({ region: "eu", clientKey: "k", apiToken: "t" });
const orderRef = "o1";

const plain = paginate(cdp, "/v2.1/orders/{orderRef}/orderItems", { params: { path: { orderRef } } });
export const plainYieldsLinks: Equal<ItemOfListing<typeof plain>, ResourceLink> = true;

const consumerItems = paginate(cdp, "/v2.1/orderConsumers/{orderConsumerRef}/orderItems", {
  params: { path: { orderConsumerRef: "c" } },
});
export const consumerItemsAreLinks: Equal<ItemOfListing<typeof consumerItems>, ResourceLink> = true;

const notExpanded = paginate(cdp, "/v2.1/orders", { params: { query: { guestRef: "g", expand: false } } });
export const notExpandedYieldsLinks: Equal<ItemOfListing<typeof notExpanded>, ResourceLink> = true;

const expanded = paginate(cdp, "/v2.1/orders/{orderRef}/orderItems", {
  params: { path: { orderRef }, query: { expand: true } },
});
export const expandedYieldsItems: Equal<ItemOfListing<typeof expanded>, components["schemas"]["OrderItem"]> = true;
