// `npm run size`: what the ESM entry costs bundled, minified and gzipped, against the budgets.
import { measure } from "./bundle-size.js";

const KB = 1024;
/** The client with openapi-fetch, request validation excluded. */
const CORE_BUDGET = 6 * KB;
/** The default entry as loaded by an import; request validation loads on first use. */
const DEFAULT_ENTRY_LIMIT = 15 * KB;

const [core, entry] = await Promise.all([measure("createOrderClient"), measure("every export")]);

const bytes = (n: number) => `${n.toLocaleString("en")} B`;
const kb = (n: number) => `${(n / KB).toFixed(2)} kB`;
const verdict = (gzip: number, limit: number) =>
  gzip <= limit ? `within ${kb(limit)}` : `OVER ${kb(limit)} by ${bytes(gzip - limit)}`;
const table: [string, number, number, string][] = [
  ["core client: createOrderClient, as imported", core.initial.minified, core.initial.gzip, verdict(core.initial.gzip, CORE_BUDGET)],
  ["every export: the default entry, as imported", entry.initial.minified, entry.initial.gzip, verdict(entry.initial.gzip, DEFAULT_ENTRY_LIMIT)],
  ["request validation, loaded on the first call", entry.lazy.minified, entry.lazy.gzip, "its own chunk"],
  ["every export with validation loaded", entry.initial.minified + entry.lazy.minified, entry.initial.gzip + entry.lazy.gzip, ""],
];

console.log("src/index.ts (the source of dist/esm/index.js) bundled with its dependencies, split and");
console.log("minified by esbuild, each file gzipped at level 6; 1 kB = 1024 bytes.\n");
console.log(`${"".padEnd(48)}${"minified".padStart(11)}${"gzip".padStart(10)}${"gzip".padStart(10)}`);
for (const [label, minified, gzip, note] of table) {
  console.log(`${label.padEnd(48)}${bytes(minified).padStart(11)}${bytes(gzip).padStart(10)}${kb(gzip).padStart(10)}  ${note}`.trimEnd());
}
process.exitCode = core.initial.gzip > CORE_BUDGET || entry.initial.gzip > DEFAULT_ENTRY_LIMIT ? 1 : 0;
