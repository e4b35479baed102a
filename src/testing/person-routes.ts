// The operations on an order's contacts and consumers: people who resolve to a guest.
import { found, page, renderPerson, type RouteAnswer, type RouteContext } from "./render.js";
import type { Fields, PersonKind } from "./store.js";

export function personRoutes(kind: PersonKind, param: string, order: (c: RouteContext) => { ref: string }) {
  const person = (c: RouteContext) =>
    found(
      c.store[kind].get(c.params[param]!),
      `Order ${kind === "contacts" ? "contact" : "consumer"} ${c.params[param]}`,
    );
  const render = (c: RouteContext) => renderPerson.bind(undefined, c, kind);
  return {
    /** The person of the request's path, or a 404. */
    existing: person,
    create: (c: RouteContext): RouteAnswer => ({
      status: 201,
      body: render(c)(c.store.createPerson(kind, order(c).ref, c.body as Fields)),
    }),
    list: (c: RouteContext): RouteAnswer => ({
      status: 200,
      body: page(c, c.store.peopleOf(kind, order(c).ref), render(c)),
    }),
    get: (c: RouteContext): RouteAnswer => ({ status: 200, body: render(c)(person(c)) }),
    update(c: RouteContext, merge: boolean): RouteAnswer {
      const current = person(c);
      c.store.replacePerson(current, merge ? { ...current.fields, ...(c.body as Fields) } : (c.body as Fields));
      return { status: 200, body: render(c)(current) };
    },
    remove(c: RouteContext): RouteAnswer {
      c.store.deletePerson(kind, person(c).ref);
      return { status: 204 };
    },
  };
}
