// Members of the lists the commands read with `expand=true`. A list that ignores `expand`
// answers links instead of full members: reading them in full keeps an export's lines whole
// and an import's look-ups true (a look-up that missed would create the record again).
import { paginate, unwrap, type OrderClient, type ResourceLink } from "sitecore-cdp-orders";

const lastSegment = (href: string) => new URL(href).pathname.split("/").pop() ?? "";

/** A listed member that is only a link: what a list answers for a member it did not expand. */
const isLinkOnly = (member: object): member is ResourceLink =>
  Object.keys(member).every((key) => key === "href" || key === "ref");

/** A member's ref, from its href when it carries none (a link may not). */
export const refOf = (member: { href: string; ref?: string | undefined }) => member.ref ?? lastSegment(member.href);

/** The members in full: a member listed only as a link is read on its own. */
export function inFull<T extends object>(
  members: readonly (T | ResourceLink)[],
  read: (ref: string) => Promise<T>,
): Promise<T[]> {
  return Promise.all(members.map((member) => (isLinkOnly(member) ? read(refOf(member)) : (member as T))));
}

/** The data extension named `ext` among those listed, read in full when only its link came. */
async function extNamed<T extends object>(
  members: readonly (T | ResourceLink)[],
  read: () => Promise<T>,
): Promise<T | undefined> {
  const ext = members.find((member) =>
    isLinkOnly(member) ? lastSegment(member.href) === "ext" : (member as { name?: string }).name === "ext",
  );
  return ext === undefined ? undefined : isLinkOnly(ext) ? read() : (ext as T);
}

/**
 * The lists the commands read, each in full: every member listed with `expand=true`, read on
 * its own when only its link came, and a list longer than `max` refused (TooManyItemsError).
 */
export class FullLists {
  private readonly options: { signal?: AbortSignal };

  constructor(
    private readonly client: OrderClient,
    private readonly max: number,
    private readonly signal: AbortSignal | null = null,
  ) {
    this.options = signal ? { signal } : {};
  }

  /** An order, read on its own. */
  order(orderRef: string) {
    return unwrap(this.client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, signal: this.signal }));
  }

  async ordersWithReferenceId(referenceId: string) {
    const listed = await paginate(
      this.client,
      "/v2.1/orders",
      { params: { query: { referenceId, expand: true } } },
      this.options,
    ).collect({ max: this.max });
    return inFull(listed, (orderRef) => this.order(orderRef));
  }

  async items(orderRef: string) {
    const listed = await paginate(
      this.client,
      "/v2.1/orders/{orderRef}/orderItems",
      { params: { path: { orderRef }, query: { expand: true } } },
      this.options,
    ).collect({ max: this.max });
    return inFull(listed, (orderItemRef) =>
      unwrap(
        this.client.GET("/v2.1/orderItems/{orderItemRef}", { params: { path: { orderItemRef } }, signal: this.signal }),
      ),
    );
  }

  async contacts(orderRef: string) {
    const listed = await paginate(
      this.client,
      "/v2.1/orders/{orderRef}/contacts",
      { params: { path: { orderRef }, query: { expand: true } } },
      this.options,
    ).collect({ max: this.max });
    return inFull(listed, (orderContactRef) =>
      unwrap(
        this.client.GET("/v2.1/orderContacts/{orderContactRef}", {
          params: { path: { orderContactRef } },
          signal: this.signal,
        }),
      ),
    );
  }

  async consumers(orderRef: string) {
    const listed = await paginate(
      this.client,
      "/v2.1/orders/{orderRef}/consumers",
      { params: { path: { orderRef }, query: { expand: true } } },
      this.options,
    ).collect({ max: this.max });
    return inFull(listed, (orderConsumerRef) =>
      unwrap(
        this.client.GET("/v2.1/orderConsumers/{orderConsumerRef}", {
          params: { path: { orderConsumerRef } },
          signal: this.signal,
        }),
      ),
    );
  }

  /** The order's data extension named `ext`, if it has one. */
  async orderExt(orderRef: string) {
    const listed = await paginate(
      this.client,
      "/v2.1/orders/{orderRef}/extensions",
      { params: { path: { orderRef }, query: { expand: true } } },
      this.options,
    ).collect({ max: this.max });
    const path = { orderRef, dataExtensionName: "ext" } as const;
    return extNamed(listed, () =>
      unwrap(
        this.client.GET("/v2.1/orders/{orderRef}/extensions/{dataExtensionName}", {
          params: { path },
          signal: this.signal,
        }),
      ),
    );
  }

  /** The item's data extension named `ext`, if it has one. */
  async itemExt(orderItemRef: string) {
    const listed = await paginate(
      this.client,
      "/v2.1/orderItems/{orderItemRef}/extensions",
      { params: { path: { orderItemRef }, query: { expand: true } } },
      this.options,
    ).collect({
      max: this.max,
    });
    const path = { orderItemRef, dataExtensionName: "ext" } as const;
    return extNamed(listed, () =>
      unwrap(
        this.client.GET("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
          params: { path },
          signal: this.signal,
        }),
      ),
    );
  }
}
