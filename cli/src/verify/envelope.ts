// What a list page lacks of the envelope Sitecore documents, though the spec lets it: the
// `last` link, which `paginate` reads to fetch the pages after the first in parallel (without
// it, it follows `next` one page at a time). A note, not a departure from the spec.
import type { Finding } from "./run-step.js";

export function envelopeNotes(schema: string, body: unknown): Finding[] {
  if (!schema.endsWith("Collection") || body === null || typeof body !== "object" || "last" in body) return [];
  return [
    {
      path: "body.last",
      rule: "optional",
      message: "absent (optional in the spec; without it paginate reads one page after another)",
    },
  ];
}
