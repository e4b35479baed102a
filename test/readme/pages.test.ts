// The README stays a newcomer's page: short, with the two commands as they are, and linking
// every page under docs/; no page of the README or docs/ links to a file or heading that is
// not there.
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/paths.js";
import { documentationPages, page } from "./pages.js";
import { headingAnchors, linkTargets, sectionUnder } from "./snippets.js";

const README = page("README.md");
const PAGES = documentationPages();
const MAX_README_LINES = 350;

/** A link's target is another site, a mail address or the like, not a file of the repository. */
const EXTERNAL = /^[a-z][a-z\d+.-]*:/i;

/** What is wrong with a page's relative links: files that do not exist, anchors no heading has. */
function brokenLinks({ path, markdown }: { path: string; markdown: string }): string[] {
  const broken: string[] = [];
  for (const { line, target } of linkTargets(markdown)) {
    if (EXTERNAL.test(target)) continue;
    const [file = "", anchor] = target.split("#");
    const where = `${path}:${line} → ${target}`;
    // A link is relative to its page's folder; "#anchor" alone points into the page itself.
    const resolved = file === "" ? path : posix.normalize(posix.join(posix.dirname(path), decodeURI(file)));
    if (file !== "" && (resolved.startsWith("../") || !existsSync(join(ROOT, resolved)))) {
      broken.push(`${where}: no file ${resolved}`);
      continue;
    }
    if (anchor === undefined || !resolved.endsWith(".md")) continue;
    const linked = file === "" ? markdown : readFileSync(join(ROOT, resolved), "utf8");
    if (!headingAnchors(linked).has(decodeURIComponent(anchor))) broken.push(`${where}: no heading #${anchor}`);
  }
  return broken;
}

describe("the README", () => {
  it(`is at most ${MAX_README_LINES} lines`, () => {
    // Counted as `wc -l` does, trailing blank lines included.
    const lines = README.markdown.split("\n").length - (README.markdown.endsWith("\n") ? 1 : 0);
    expect(lines).toBeLessThanOrEqual(MAX_README_LINES);
  });

  it("shows the two commands as they are, and package.json has both scripts", () => {
    const block = /```sh\n([\s\S]*?)```/.exec(sectionUnder(README.markdown, "Two commands"))?.[1];
    expect(block).toBe(
      [
        "npm ci && npm run demo   # the get-started flow, against the embedded mock or your tenant",
        "npm ci && npm test       # the whole test suite",
        "",
      ].join("\n"),
    );
    const { scripts } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(["demo", "test"]));
  });

  it("links every page under docs/", () => {
    const linked = new Set(linkTargets(README.markdown).map(({ target }) => posix.normalize(target.split("#")[0]!)));
    const docs = PAGES.map(({ path }) => path).filter((path) => path.startsWith("docs/"));
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.filter((path) => !linked.has(path))).toEqual([]);
  });
});

describe("the links of the README and docs/", () => {
  for (const page of PAGES) {
    it(`${page.path} links only to files and headings that exist`, () => {
      expect(brokenLinks(page)).toEqual([]);
    });
  }

  it("fail the check when a link's file or heading is missing", () => {
    const markdown = [
      "# Page",
      "## Here",
      "[ok](#here) [ok](../README.md#quick-start) [site](https://example.com/nothing)",
      "[gone](missing.md) [no heading](#nowhere) [other page](../README.md#nowhere)",
      "`[code](not-a-link.md)`",
    ].join("\n");
    expect(brokenLinks({ path: "docs/page.md", markdown })).toEqual([
      "docs/page.md:4 → missing.md: no file docs/missing.md",
      "docs/page.md:4 → #nowhere: no heading #nowhere",
      "docs/page.md:4 → ../README.md#nowhere: no heading #nowhere",
    ]);
  });
});
