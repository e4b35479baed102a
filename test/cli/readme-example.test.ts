// The example line in the CLI manual, docs/cli.md, is a line the import accepts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLine } from "../../src/cli/import/validate-line.js";
import { sectionUnder } from "../readme/snippets.js";
import { REPO_ROOT } from "./cli-process.js";

const MANUAL = readFileSync(`${REPO_ROOT}docs/cli.md`, "utf8");

describe("the CLI manual's bulk import section", () => {
  it("shows an example line that passes every check of the import", () => {
    const section = sectionUnder(MANUAL, "Bulk import from the command line");
    const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const checked = checkLine(JSON.stringify(JSON.parse(block!)));
    expect(checked.ok ? [] : checked.violations).toEqual([]);
  });
});
