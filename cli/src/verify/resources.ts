// What a `verify` run has created and not yet deleted, and how each kind is deleted: the
// plan's delete steps and the cleanup after a failure or an interrupt send the same requests.
import type { OrderClient } from "sitecore-cdp-orders";

export type Kind = "order" | "contact" | "item" | "consumer" | "orderExtension" | "itemExtension";

/** A kind as the output names it. */
export const KIND_NAMES: Record<Kind, string> = {
  order: "order",
  contact: "order contact",
  item: "order item",
  consumer: "order consumer",
  orderExtension: "order data extension ext",
  itemExtension: "order item data extension ext",
};

export interface Resource {
  kind: Kind;
  /** Its ref; for a data extension, its order's or order item's. */
  ref: string;
}

/** What the run created and has not deleted, in creation order. */
export class Resources {
  readonly #created: Resource[] = [];
  /** What a create made whose ref its answer did not give: it cannot be deleted. */
  readonly unaccounted: string[] = [];

  ref(kind: Kind): string | undefined {
    return this.#created.find((resource) => resource.kind === kind)?.ref;
  }

  add(kind: Kind, ref: string): void {
    this.#created.push({ kind, ref });
  }

  remove(kind: Kind): void {
    const at = this.#created.findIndex((resource) => resource.kind === kind);
    if (at >= 0) this.#created.splice(at, 1);
  }

  /** What is left, newest first: the order in which it can be deleted. */
  left(): Resource[] {
    return [...this.#created].reverse();
  }
}

/** A resource as the output names it: `order item 111d…`, `order data extension ext of order 2d7d…`. */
export function describeResource({ kind, ref }: Resource): string {
  if (kind === "orderExtension") return `${KIND_NAMES[kind]} of order ${ref}`;
  if (kind === "itemExtension") return `${KIND_NAMES[kind]} of order item ${ref}`;
  return `${KIND_NAMES[kind]} ${ref}`;
}

export interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

const ext = "ext" as const;

/** Deletes one resource; the answer as the client gives it. */
export function deleteResource(client: OrderClient, { kind, ref }: Resource): Promise<Answer> {
  switch (kind) {
    case "itemExtension":
      return client.DELETE("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
        params: { path: { orderItemRef: ref, dataExtensionName: ext } },
      });
    case "orderExtension":
      return client.DELETE("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
        params: { path: { orderRef: ref, dataExtensionName: ext } },
      });
    case "consumer":
      return client.DELETE("/v2.1/orderConsumers/{orderConsumerRef}", {
        params: { path: { orderConsumerRef: ref } },
      });
    case "item":
      return client.DELETE("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef: ref } } });
    case "contact":
      return client.DELETE("/v2.1/orderContacts/{orderContactRef}", { params: { path: { orderContactRef: ref } } });
    case "order":
      return client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ref } } });
  }
}
