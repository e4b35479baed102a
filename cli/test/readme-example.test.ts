// The example line in the README's CLI section is a line the import accepts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLine } from "../src/import/validate-line.js";
import { REPO_ROOT } from "./cli-process.js";

describe("the README's bulk import section", () => {
  it("shows an example line that passes every check of the import", () => {
    const readme = readFileSync(`${REPO_ROOT}README.md`, "utf8");
    const section = readme.slice(readme.indexOf("## Bulk import from the command line"));
    const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const checked = checkLine(JSON.stringify(JSON.parse(block!)));
    expect(checked.ok ? [] : checked.violations).toEqual([]);
  });
});
