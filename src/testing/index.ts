// `sitecore-cdp-orders/testing`: a stateful fake of the Order REST API v2.1 for your tests,
// in memory and web-standard. Not part of the main entry.
export {
  createFakeCdp,
  DEFAULT_API_TOKEN,
  DEFAULT_CLIENT_KEY,
  type FakeCdp,
  type FakeCdpOptions,
  type FakeFetch,
} from "./fake.js";
export { FakeCdpBugError } from "./answers.js";
export type { Fault, FaultScope } from "./faults.js";
export type { FakeOperation } from "./operation-names.js";
export type {
  FakeCounts,
  FakeOrder,
  FakeOrderItem,
  FakePerson,
  FakeRecord,
  FakeStoreView,
} from "./store-view.js";
export type { ExtensionValues } from "./store.js";
