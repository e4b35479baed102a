// `npm run size`: what the ESM entry costs bundled, minified and gzipped, against the budgets.
import { measure, type Part } from "./bundle-size.js";

const KB = 1024;
/** The client with openapi-fetch, request validation excluded. */
const CORE_BUDGET = 6.5 * KB;
/** The default entry as loaded by an import; the validators load on first use. */
const DEFAULT_ENTRY_LIMIT = 15 * KB;

const [core, entry, ownShare, openapiFetch] = await Promise.all([
  measure("createOrderClient"),
  measure("every export"),
  measure("createOrderClient without openapi-fetch"),
  measure("openapi-fetch alone"),
]);

const bytes = (n: number) => `${n.toLocaleString("en")} B`;
const kb = (n: number) => `${(n / KB).toFixed(2)} kB`;
const verdict = (gzip: number, limit: number) =>
  gzip <= limit ? `within ${kb(limit)}` : `OVER ${kb(limit)} by ${bytes(gzip - limit)}`;
const table: [string, number, number, string][] = [
  [
    "core client: createOrderClient, as imported",
    core.initial.minified,
    core.initial.gzip,
    verdict(core.initial.gzip, CORE_BUDGET),
  ],
  [
    "every export: the default entry, as imported",
    entry.initial.minified,
    entry.initial.gzip,
    verdict(entry.initial.gzip, DEFAULT_ENTRY_LIMIT),
  ],
  ["request and response validators, loaded on use", entry.lazy.minified, entry.lazy.gzip, "their own chunks"],
  [
    "every export with validation loaded",
    entry.initial.minified + entry.lazy.minified,
    entry.initial.gzip + entry.lazy.gzip,
    "",
  ],
  [
    "reference: openapi-fetch alone (createClient)",
    openapiFetch.initial.minified,
    openapiFetch.initial.gzip,
    `leaves ${bytes(CORE_BUDGET - openapiFetch.initial.gzip)} of the core's budget`,
  ],
  [
    "reference: the core without openapi-fetch",
    ownShare.initial.minified,
    ownShare.initial.gzip,
    "this package's own code",
  ],
];

console.log("src/index.ts (the source of dist/esm/index.js) bundled with its dependencies, split and");
console.log("minified by esbuild, each file gzipped at level 6; 1 kB = 1024 bytes.\n");
console.log(`${"".padEnd(48)}${"minified".padStart(11)}${"gzip".padStart(10)}${"gzip".padStart(10)}`);
for (const [label, minified, gzip, note] of table) {
  console.log(
    `${label.padEnd(48)}${bytes(minified).padStart(11)}${bytes(gzip).padStart(10)}${kb(gzip).padStart(10)}  ${note}`.trimEnd(),
  );
}

/** Minified bytes by package or source folder: where a budget would have to be found. */
function breakdown(part: Part): [string, number][] {
  const groups = new Map<string, number>();
  for (const [path, minified] of part.sources) {
    const group = path.startsWith("node_modules/") ? path.split("/")[1]! : path.replace(/\/[^/]+$/, "/");
    groups.set(group, (groups.get(group) ?? 0) + minified);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

console.log("\nthe core client's minified bytes by where they come from:");
for (const [group, minified] of breakdown(core.initial)) {
  console.log(
    `  ${group.padEnd(46)}${bytes(minified).padStart(11)}${`${((100 * minified) / core.initial.minified).toFixed(0)}%`.padStart(10)}`,
  );
}
process.exitCode = core.initial.gzip > CORE_BUDGET || entry.initial.gzip > DEFAULT_ENTRY_LIMIT ? 1 : 0;
