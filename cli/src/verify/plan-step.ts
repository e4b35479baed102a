// A step of `verify`'s plan: one operation, what it needs and creates or deletes, and its
// request; and the path parameters the steps share.
import type { OrderClient, operations } from "sitecore-cdp-orders";
import type { Answer, Kind } from "./resources.js";
import type { VerifyData } from "./test-data.js";

export type OperationId = keyof operations;

/** The ref of a resource the step needs (it runs only when there is one). */
export type RefOf = (kind: Kind) => string;

export interface Step {
  id: OperationId;
  needs: readonly Kind[];
  /** What a success creates: its ref is taken from the answer (a data extension's is its owner's). */
  creates?: Kind;
  /** What a success deletes. */
  deletes?: Kind;
  send(client: OrderClient, ref: RefOf, data: VerifyData): Promise<Answer>;
}

const ext = "ext" as const;
export const orderPath = (ref: RefOf) => ({ path: { orderRef: ref("order") } });
export const itemPath = (ref: RefOf) => ({ path: { orderItemRef: ref("item") } });
export const contactPath = (ref: RefOf) => ({ path: { orderContactRef: ref("contact") } });
export const consumerPath = (ref: RefOf) => ({ path: { orderConsumerRef: ref("consumer") } });
export const orderExt = (ref: RefOf) => ({ path: { orderRef: ref("order"), dataExtensionName: ext } });
export const itemExt = (ref: RefOf) => ({ path: { orderItemRef: ref("item"), dataExtensionName: ext } });
/** A list's first page, with its members in full. */
export const page = { expand: true, offset: 0, limit: 10 } as const;
