import type { TestProject } from "vitest/node";
import { startPrism } from "../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const prism = await startPrism();
  project.provide("prismUrl", prism.baseUrl);
  return () => prism.stop();
}
