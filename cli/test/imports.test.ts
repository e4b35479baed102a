// The command is a package of its own: its code imports the library by its public entry,
// never a file of it, and nothing else than Node's modules and its declared dependencies.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const SOURCES = fileURLToPath(new URL("../src/", import.meta.url));
const MANIFEST = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
};

const sourceFiles = (readdirSync(SOURCES, { recursive: true }) as string[]).filter((file) => file.endsWith(".ts"));

/** Every module specifier a file names: static imports and exports, and dynamic imports. */
function specifiersOf(text: string): string[] {
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm),
    ...text.matchAll(/^\s*import\s+"([^"]+)"/gm),
    ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
  ];
  return found.map((match) => match[1]!);
}

it("finds the command's sources and what they import", () => {
  expect(sourceFiles).toContain("main.ts");
  expect(specifiersOf(readFileSync(join(SOURCES, "run-cli.ts"), "utf8"))).toContain("sitecore-cdp-orders");
});

it("imports within cli/src, Node's modules, the library's entry and its declared dependencies, and nothing else", () => {
  const allowed = new Set(Object.keys(MANIFEST.dependencies));
  expect([...allowed].sort()).toEqual(["cli-progress", "sitecore-cdp-orders"]);
  const outside = sourceFiles.flatMap((file) =>
    specifiersOf(readFileSync(join(SOURCES, file), "utf8")).flatMap((specifier) => {
      if (specifier.startsWith(".")) {
        const target = relative(SOURCES, resolve(dirname(join(SOURCES, file)), specifier));
        return target.startsWith("..") ? [`${file}: ${specifier}`] : [];
      }
      const isBuiltin = specifier.startsWith("node:") || builtinModules.includes(specifier);
      return isBuiltin || allowed.has(specifier) ? [] : [`${file}: ${specifier}`];
    }),
  );
  expect(outside).toEqual([]);
});
