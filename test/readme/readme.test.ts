// The README is the one page a newcomer reads and docs/ holds the rest, so every TypeScript
// snippet of README.md and of every docs/*.md page must compile against the package, and the
// README's configuration table must match the client's options.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETRY, REGION_BASE_URLS } from "../../src/index.js";
import { DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS } from "../../src/transport/timeouts.js";
import { OUTPUT_DIR, ROOT } from "../support/paths.js";
import { documentationPages, page } from "./pages.js";
import { importsCarriedOver, type Snippet, tableUnder, typeScriptSnippets } from "./snippets.js";

const README = page("README.md").markdown;
const PAGES = documentationPages();

interface PageSnippet extends Snippet {
  /** The page's path from the repository root. */
  page: string;
  /** The snippet's file in SNIPPET_DIR. */
  file: string;
  /** The code to compile: the snippet, then the imports it carries over from its heading. */
  source: string;
}

const SNIPPET_DIR = join(OUTPUT_DIR, "readme-snippets");

/** Every page's snippets; a snippet may use what earlier snippets under its heading, on its page, imported. */
const SNIPPETS: PageSnippet[] = PAGES.flatMap(({ path, markdown }) => {
  const snippets = typeScriptSnippets(markdown);
  return snippets.map((snippet, index) => {
    const earlier = snippets
      .slice(0, index)
      .filter(({ heading }) => heading === snippet.heading)
      .map(({ code }) => code);
    const name = `${path.replace(/\.md$/, "").replace(/[^A-Za-z0-9]+/g, "-")}-${String(index + 1).padStart(2, "0")}.ts`;
    return {
      ...snippet,
      page: path,
      file: join(SNIPPET_DIR, name),
      source: `${[snippet.code, ...importsCarriedOver(earlier, snippet.code)].join("\n")}\n`,
    };
  });
});

/**
 * The names the snippets use without declaring them, as the README's quick start and each
 * docs page say: the client from the quick start and refs from earlier answers. A snippet's
 * own declaration of a name shadows these.
 */
const PRELUDE = `import type { OrderClient } from "sitecore-cdp-orders";

declare global {
  const cdp: OrderClient;
  const orderRef: string;
  const orderItemRef: string;
  const orderContactRef: string;
  const orderConsumerRef: string;
  const guestRef: string;
}
`;

/** A snippet that must not compile, proving the check can fail. */
const CONTROL = `await cdp.GET("/v2.1/order", {});\n`;

// As strict as this repository; the package's entries map to the sources, so no build is needed.
const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    moduleDetection: "force",
    lib: ["ES2023", "DOM", "DOM.Iterable"],
    types: ["node"],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    noEmit: true,
    paths: {
      "sitecore-cdp-orders": [join(ROOT, "src/index.ts")],
      "sitecore-cdp-orders/testing": [join(ROOT, "src/testing/index.ts")],
    },
  },
  include: ["*.ts"],
};

const CONTROL_FILE = join(SNIPPET_DIR, "control.ts");

let program: ts.Program;

function diagnosticsOf(file: string, page: string, firstLine: number): string[] {
  const source = program.getSourceFile(file);
  if (!source) return [`${file} is not part of the program`];
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => {
    const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    return `${page}:${firstLine + line}:${character + 1} TS${diagnostic.code}: ${message}`;
  });
}

beforeAll(() => {
  rmSync(SNIPPET_DIR, { recursive: true, force: true });
  mkdirSync(SNIPPET_DIR, { recursive: true });
  writeFileSync(join(SNIPPET_DIR, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(SNIPPET_DIR, "prelude.d.ts"), PRELUDE);
  writeFileSync(CONTROL_FILE, CONTROL);
  for (const { file, source } of SNIPPETS) writeFileSync(file, source);
  const config = ts.getParsedCommandLineOfConfigFile(
    join(SNIPPET_DIR, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, " "));
      },
    },
  );
  if (!config) throw new Error("tsconfig.json of the snippets could not be read");
  program = ts.createProgram(config.fileNames, config.options);
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length > 0)
    throw new Error(
      ts.formatDiagnostics(global, { ...ts.sys, getCanonicalFileName: (f) => f, getNewLine: () => "\n" }),
    );
}, 120_000);

describe("the TypeScript snippets of the README and docs/", () => {
  it("are there: at least one per resource and one per topic", () => {
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(12);
  });

  it("are read from the README and from the docs pages the topics moved to", () => {
    const pagesWithSnippets = new Set(SNIPPETS.map(({ page }) => page));
    for (const path of [
      "README.md",
      "docs/errors-retries-timeouts.md",
      "docs/middleware.md",
      "docs/package.md",
      "docs/pagination.md",
      "docs/testing-against-the-mock.md",
      "docs/testing.md",
    ])
      expect(pagesWithSnippets, path).toContain(path);
    // The quick start and one example per resource.
    expect(SNIPPETS.filter(({ page }) => page === "README.md").length).toBeGreaterThanOrEqual(7);
  });

  for (const { file, page, line, heading } of SNIPPETS) {
    it(`${page}:${line} (${heading}) compiles`, () => {
      expect(diagnosticsOf(file, page, line)).toEqual([]);
    });
  }

  it("fail the check when a snippet has a type error", () => {
    expect(diagnosticsOf(CONTROL_FILE, "control.ts", 1).join("\n")).toMatch(/TS\d+: .*"\/v2\.1\/order"/);
  });
});

describe("the README's configuration table", () => {
  const rows = tableUnder(README, "Configuration");
  const documented = rows.map(([option = ""]) => option.replace(/`/g, ""));

  it("lists every option of createOrderClient, and no other", () => {
    const config = program.getSourceFile(join(ROOT, "src/config.ts"));
    const declaration = config?.statements.find(
      (statement): statement is ts.InterfaceDeclaration =>
        ts.isInterfaceDeclaration(statement) && statement.name.text === "OrderClientOptions",
    );
    expect(declaration, "OrderClientOptions in src/config.ts").toBeDefined();
    const options = program
      .getTypeChecker()
      .getTypeAtLocation(declaration!)
      .getProperties()
      .map(({ name }) => name);
    // A nested option (`retry`) is documented by its fields (`retry.maxRetries`, …).
    const topLevel = [...new Set(documented.map((option) => option.split(".")[0]))];
    expect(topLevel.sort()).toEqual(options.sort());
  });

  it("gives the retry and timeout defaults the client uses", () => {
    const defaults = Object.fromEntries(rows.map(([option = "", , value = ""]) => [option, value.replace(/`/g, "")]));
    const expected = {
      ...Object.fromEntries(
        Object.entries(DEFAULT_RETRY).map(([field, value]) => [`\`retry.${field}\``, String(value)]),
      ),
      "`timeoutMs`": String(DEFAULT_TIMEOUT_MS),
      "`deadlineMs`": String(DEFAULT_DEADLINE_MS),
    };
    for (const [option, value] of Object.entries(expected)) expect(defaults[option], option).toBe(value);
  });

  it("names only environment variables the client reads", () => {
    const source = readFileSync(join(ROOT, "src/config.ts"), "utf8");
    const variables = rows.flatMap(([, variable = ""]) => variable.match(/CDP_[A-Z_]+/g) ?? []);
    expect(variables.length).toBeGreaterThan(0);
    for (const variable of variables) expect(source, variable).toContain(`env.${variable}`);
  });
});

describe("the regions table of docs/regions.md", () => {
  it("lists every region with the host the client uses for it, and no other", () => {
    const rows = tableUnder(page("docs/regions.md").markdown, "Hosts");
    const documented = Object.fromEntries(
      rows.map(([region = "", url = ""]) => [region, url].map((cell) => cell.replace(/`/g, ""))),
    );
    expect(documented).toEqual({ ...REGION_BASE_URLS });
  });
});
