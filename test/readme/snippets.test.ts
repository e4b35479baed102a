import { describe, expect, it } from "vitest";
import {
  headingAnchors,
  importsCarriedOver,
  linkTargets,
  sectionUnder,
  tableUnder,
  typeScriptSnippets,
} from "./snippets.js";

const MARKDOWN = [
  "# Title", //                                   1
  "## Setup", //                                  2
  "```sh", //                                     3
  "# a shell comment, not a heading", //          4
  "```", //                                       5
  "### Part", //                                  6
  "```ts", //                                     7
  'import { a, type B } from "pkg";', //          8
  "a();", //                                      9
  "```", //                                       10
  "```typescript", //                             11
  "const x: B = a();", //                         12
  "```", //                                       13
  "| option | default |", //                     14
  "| --- | --- |", //                            15
  "| `x` | `1` |", //                            16
].join("\n");

describe("Markdown snippet extraction", () => {
  it("finds ts and typescript blocks with their first code line, heading and section", () => {
    expect(typeScriptSnippets(MARKDOWN)).toEqual([
      { line: 8, heading: "Part", section: "Setup", code: 'import { a, type B } from "pkg";\na();' },
      { line: 12, heading: "Part", section: "Setup", code: "const x: B = a();" },
    ]);
  });

  it("carries earlier imports over, except the names a snippet declares itself", () => {
    const earlier = ['import { a, type B } from "pkg";\nimport * as ns from "other";'];
    expect(importsCarriedOver(earlier, "const a = 1;\nns.go(a);")).toEqual([
      'import { type B } from "pkg";',
      'import * as ns from "other";',
    ]);
  });

  it("reads a table's rows under a level-2 heading", () => {
    expect(tableUnder(MARKDOWN, "Setup")).toEqual([["`x`", "`1`"]]);
    expect(tableUnder(MARKDOWN, "Missing")).toEqual([]);
  });

  it("cuts a level-2 section at the next level-1 or level-2 heading, keeping its sub-headings", () => {
    const markdown = "## One\ntext\n### Sub\nmore\n## Two\nother";
    expect(sectionUnder(markdown, "One")).toBe("## One\ntext\n### Sub\nmore");
    expect(sectionUnder(markdown, "Two")).toBe("## Two\nother");
    expect(sectionUnder(markdown, "Three")).toBe("");
  });
});

describe("Markdown links and anchors", () => {
  it("finds inline link targets outside code, with their lines", () => {
    const markdown = [
      'See [a](docs/a.md) and ![b](img/b.png "title").', // 1
      "`[not](code.md)` [c](#here)", //                       2
      "```sh", //                                            3
      "[not](fenced.md)", //                                 4
      "```", //                                              5
      "[d](https://example.com)", //                         6
    ].join("\n");
    expect(linkTargets(markdown)).toEqual([
      { line: 1, target: "docs/a.md" },
      { line: 1, target: "img/b.png" },
      { line: 2, target: "#here" },
      { line: 6, target: "https://example.com" },
    ]);
  });

  it("gives headings GitHub's anchors, numbering repeats, and skips fenced code", () => {
    const markdown = [
      "# The `cdp-orders` command",
      "## 429 Too Many Requests (`RateLimitError`)",
      "## Timeouts, deadlines and cancelling",
      "## Notes",
      "## Notes",
      "```sh",
      "# not a heading",
      "```",
    ].join("\n");
    expect([...headingAnchors(markdown)]).toEqual([
      "the-cdp-orders-command",
      "429-too-many-requests-ratelimiterror",
      "timeouts-deadlines-and-cancelling",
      "notes",
      "notes-1",
    ]);
  });
});
