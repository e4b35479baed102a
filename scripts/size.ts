// `npm run size`: what the ESM entry costs bundled, minified and gzipped, against the budgets.
import { measure } from "./bundle-size.js";

const KB = 1024;
/** The client with openapi-fetch, request validation excluded. */
const CORE_BUDGET = 6 * KB;
/** Past this, request validation should be a separate entry point rather than part of the default one. */
const DEFAULT_ENTRY_LIMIT = 15 * KB;

const [core, entryWithout, entry] = await Promise.all([
  measure("createOrderClient", { requestValidation: false }),
  measure("every export", { requestValidation: false }),
  measure("every export", { requestValidation: true }),
]);
const validation = { minified: entry.minified - entryWithout.minified, gzip: entry.gzip - entryWithout.gzip };

const bytes = (n: number) => `${n.toLocaleString("en")} B`;
const kb = (n: number) => `${(n / KB).toFixed(2)} kB`;
const verdict = (gzip: number, limit: number) =>
  gzip <= limit ? `within ${kb(limit)}` : `OVER ${kb(limit)} by ${bytes(gzip - limit)}`;
const table: [string, string, string, string, string][] = [
  ["", "minified", "gzip", "gzip", ""],
  ["core client: createOrderClient, no request validation", bytes(core.minified), bytes(core.gzip), kb(core.gzip), verdict(core.gzip, CORE_BUDGET)],
  ["every export, no request validation", bytes(entryWithout.minified), bytes(entryWithout.gzip), kb(entryWithout.gzip), ""],
  ["every export: the default entry", bytes(entry.minified), bytes(entry.gzip), kb(entry.gzip), verdict(entry.gzip, DEFAULT_ENTRY_LIMIT)],
  ["  of which request validation (ajv validators)", bytes(validation.minified), bytes(validation.gzip), kb(validation.gzip), ""],
];

console.log("src/index.ts (the source of dist/esm/index.js) bundled with its dependencies and minified");
console.log("by esbuild, then gzipped at level 6; 1 kB = 1024 bytes.\n");
for (const [label, minified, gzip, gzipKb, note] of table) {
  console.log(`${label.padEnd(54)}${minified.padStart(11)}${gzip.padStart(10)}${gzipKb.padStart(10)}  ${note}`.trimEnd());
}
if (entry.gzip > DEFAULT_ENTRY_LIMIT) {
  console.log(`\nRequest validation takes the default entry past ${kb(DEFAULT_ENTRY_LIMIT)}: it belongs in a separate entry point.`);
}
process.exitCode = core.gzip > CORE_BUDGET || entry.gzip > DEFAULT_ENTRY_LIMIT ? 1 : 0;
