// The CLI manual, docs/cli.md: its example line is a line the import accepts, and its flags
// table names every flag of the command's usage text.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { USAGE } from "../src/args.js";
import { checkLine } from "../src/import/validate-line.js";
import { sectionUnder } from "../../test/readme/snippets.js";
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

describe("the CLI manual's flags table", () => {
  it("names every flag of the usage text, and no other", () => {
    const flagsOf = (text: string) => [...new Set(text.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])].sort();
    const table = sectionUnder(MANUAL, "Flags")
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .join("\n");
    expect(flagsOf(USAGE).length).toBeGreaterThan(0);
    expect(flagsOf(table)).toEqual(flagsOf(USAGE));
  });
});
