// The operations on the data extension `ext` of an order or an order item.
import { found, page, Problem, renderExtension, type RouteAnswer, type RouteContext } from "./render.js";
import type { ExtensionKind, ExtensionValues } from "./store.js";

/** Sitecore's limit on a data extension, which a merge can pass though each request keeps within it. */
export const MAX_EXTENSION_PAIRS = 100;

/** Create, list, read, replace or merge, delete, and remove fields of the extension of `owner(c)`. */
export function extensionRoutes(kind: ExtensionKind, owner: (c: RouteContext) => { ref: string }) {
  const existing = (c: RouteContext) => found(c.store[kind].get(owner(c).ref), "The data extension ext");
  const render = (c: RouteContext) => renderExtension.bind(undefined, c, kind);
  return {
    create(c: RouteContext): RouteAnswer {
      const ref = owner(c).ref;
      if (c.store[kind].has(ref)) throw new Problem(400, "The data extension ext already exists; update it instead.");
      return { status: 201, body: render(c)(c.store.createExtension(kind, ref, c.body as ExtensionValues)) };
    },
    list(c: RouteContext): RouteAnswer {
      const extension = c.store[kind].get(owner(c).ref);
      return { status: 200, body: page(c, extension ? [extension] : [], render(c), { name: "ext" }) };
    },
    get: (c: RouteContext): RouteAnswer => ({ status: 200, body: render(c)(existing(c)) }),
    update(c: RouteContext, merge: boolean): RouteAnswer {
      const extension = existing(c);
      const values = merge ? { ...extension.values, ...(c.body as ExtensionValues) } : (c.body as ExtensionValues);
      const pairs = Object.keys(values).length;
      if (pairs > MAX_EXTENSION_PAIRS)
        throw new Problem(
          400,
          `A data extension holds at most ${MAX_EXTENSION_PAIRS} key-value pairs; this update would leave ${pairs}.`,
        );
      c.store.replaceExtension(extension, values);
      return { status: 200, body: render(c)(extension) };
    },
    remove(c: RouteContext): RouteAnswer {
      existing(c);
      c.store[kind].delete(owner(c).ref);
      return { status: 204 };
    },
    /** Removes the keys named in `name` (separated by `|`), or every key without it. */
    removeFields(c: RouteContext): RouteAnswer {
      const extension = existing(c);
      const names = typeof c.query.name === "string" ? new Set(c.query.name.split("|")) : undefined;
      c.store.replaceExtension(
        extension,
        Object.fromEntries(Object.entries(extension.values).filter(([key]) => names !== undefined && !names.has(key))),
      );
      return { status: 200, body: render(c)(extension) };
    },
  };
}
