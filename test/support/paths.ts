import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Where tests leave artefacts worth looking at (screenshots, extracted snippets); gitignored. */
export const OUTPUT_DIR = fileURLToPath(new URL("../output/", import.meta.url));
