// The 38 operations of the spec in the order `verify` runs them: each resource is created,
// read, listed and updated before those under it, and everything is deleted newest first at
// the end. A step runs only when what it needs was created.
import { deleteResource, type Kind } from "./resources.js";
import { EXTENSION_STEPS } from "./plan-extensions.js";
import { ITEM_STEPS } from "./plan-items.js";
import { ORDER_STEPS } from "./plan-order.js";
import type { OperationId, Step } from "./plan-step.js";

export type { OperationId, Step } from "./plan-step.js";

const remove =
  (kind: Kind): Step["send"] =>
  (client, ref) =>
    deleteResource(client, { kind, ref: ref(kind) });

const DELETE_STEPS = [
  {
    id: "deleteOrderItemDataExtension",
    needs: ["itemExtension"],
    deletes: "itemExtension",
    send: remove("itemExtension"),
  },
  {
    id: "deleteOrderDataExtension",
    needs: ["orderExtension"],
    deletes: "orderExtension",
    send: remove("orderExtension"),
  },
  { id: "deleteOrderConsumer", needs: ["consumer"], deletes: "consumer", send: remove("consumer") },
  { id: "deleteOrderItem", needs: ["item"], deletes: "item", send: remove("item") },
  { id: "deleteOrderContact", needs: ["contact"], deletes: "contact", send: remove("contact") },
  { id: "deleteOrder", needs: ["order"], deletes: "order", send: remove("order") },
] as const satisfies readonly Step[];

const STEPS = [...ORDER_STEPS, ...ITEM_STEPS, ...EXTENSION_STEPS, ...DELETE_STEPS] as const;

/** Every operation of the spec, in the order it runs. */
export const PLAN: readonly Step[] = STEPS;

// Fails to compile when an operation of the spec has no step.
type Unplanned = Exclude<OperationId, (typeof STEPS)[number]["id"]>;
export const EVERY_OPERATION_PLANNED: [Unplanned] extends [never] ? true : Unplanned = true;
