import { describe, expect, it } from "vitest";
import { importsCarriedOver, tableUnder, typeScriptSnippets } from "./snippets.js";

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

describe("README snippet extraction", () => {
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
});
