// The two forms of the report: a plain one for reading, and Markdown for CHANGELOG.md.
import type { Change } from "./rules.js";

/** One line per change and operation, breaking changes first, with counts. */
export function textReport(changes: Change[], ref: string): string {
  if (changes.length === 0) return `No changes to the spec since ${ref}.\n`;
  const lines: string[] = [];
  for (const [title, group] of [
    ["Breaking", changes.filter((c) => c.breaking)],
    ["Non-breaking", changes.filter((c) => !c.breaking)],
  ] as const) {
    if (group.length === 0) continue;
    lines.push(`${title} changes since ${ref} (${group.length}):`);
    for (const c of group) lines.push(`  ${c.operation}: ${c.message} (${c.path})`);
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

/**
 * One Markdown list item per change, breaking ones marked: the same change at the same path
 * of several operations (an edit to a shared schema) is one item naming them all.
 */
export function markdownReport(changes: Change[]): string {
  const items = new Map<string, { change: Change; operations: string[] }>();
  for (const change of changes) {
    const id = JSON.stringify([change.breaking, change.message, change.path]);
    const item = items.get(id);
    if (item) item.operations.push(change.operation);
    else items.set(id, { change, operations: [change.operation] });
  }
  return [...items.values()]
    .map(({ change, operations }) => {
      const mark = change.breaking ? "**Breaking:** " : "";
      return `- ${mark}${operations.join(", ")}: ${change.message} (\`${change.path}\`)\n`;
    })
    .join("");
}
