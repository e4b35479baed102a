// Members of the lists the commands read with `expand=true`. A list that ignores `expand`
// answers links instead of full members: reading them in full keeps an export's lines whole
// and an import's look-ups true (a look-up that missed would create the record again).
import type { ResourceLink } from "../pagination/index.js";

export const lastSegment = (href: string) => new URL(href).pathname.split("/").pop() ?? "";

/** A listed member that is only a link: what a list answers for a member it did not expand. */
export const isLinkOnly = (member: object): member is ResourceLink => Object.keys(member).every((key) => key === "href" || key === "ref");

/** A link's ref, from its href when it carries none. */
export const refOf = (link: ResourceLink) => link.ref ?? lastSegment(link.href);

/** The members in full: a member listed only as a link is read on its own. */
export function inFull<T extends object>(members: readonly (T | ResourceLink)[], read: (ref: string) => Promise<T>): Promise<T[]> {
  return Promise.all(members.map((member) => (isLinkOnly(member) ? read(refOf(member)) : (member as T))));
}

/** The data extension named `ext` among those listed, read in full when only its link came. */
export async function extNamed<T extends object>(members: readonly (T | ResourceLink)[], read: () => Promise<T>): Promise<T | undefined> {
  const ext = members.find((member) => (isLinkOnly(member) ? lastSegment(member.href) === "ext" : (member as { name?: string }).name === "ext"));
  return ext === undefined ? undefined : isLinkOnly(ext) ? read() : (ext as T);
}
