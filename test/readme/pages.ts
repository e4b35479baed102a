import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../support/paths.js";

/** A Markdown page of the documentation: the README or a page under docs/. */
export interface Page {
  /** The path from the repository root, with forward slashes: `README.md`, `docs/cli.md`. */
  path: string;
  markdown: string;
}

/** README.md, then every docs/*.md in name order. */
export function documentationPages(): Page[] {
  const docs = readdirSync(join(ROOT, "docs"), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => `docs/${entry.name}`)
    .sort();
  return ["README.md", ...docs].map((path) => ({ path, markdown: readFileSync(join(ROOT, path), "utf8") }));
}

/** One page by its path from the repository root. */
export function page(path: string): Page {
  return { path, markdown: readFileSync(join(ROOT, path), "utf8") };
}
