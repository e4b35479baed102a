import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startPrism } from "../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
    /** Where the run's tarballs of this repository's packages go (test/support/pack.ts). */
    packDir: string;
  }
}

export default async function setup(project: TestProject) {
  const prism = await startPrism();
  project.provide("prismUrl", prism.baseUrl);
  const packDir = mkdtempSync(join(tmpdir(), "sitecore-cdp-orders-packs-"));
  project.provide("packDir", packDir);
  return async () => {
    await prism.stop();
    rmSync(packDir, { recursive: true, force: true });
  };
}
