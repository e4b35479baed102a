// Writes generated files, or with `--check` on the command line fails when the committed
// ones differ from what the generator produces now.
import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

/** Writes each `[file, text]`, or checks them with `--check`; `summary` is printed after writing. */
export function writeOrCheck(files: [file: string, text: string][], summary: string): void {
  if (!process.argv.includes("--check")) {
    for (const [file, text] of files) writeFileSync(file, text);
    console.log(summary);
    return;
  }
  const stale = files.filter(([file, text]) => {
    try {
      return readFileSync(file, "utf8") !== text;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    const names = stale.map(([file]) => relative(ROOT, file)).join(", ");
    console.error(`Stale: ${names}. Run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${files.map(([file]) => relative(ROOT, file)).join(", ")}: up to date.`);
}
