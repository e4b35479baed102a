#!/usr/bin/env node
// The `cdp-orders` command. Installed, it runs the build; in a checkout of the repository
// (where the sources sit next to it), it runs them through tsx, which resolves
// "sitecore-cdp-orders" to the library's sources by the root tsconfig's paths, so no build
// is needed and none can be out of date.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = new URL("../src/main.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
  await import(source.href);
} else {
  await import("../dist/cdp-orders.js");
}
