// The README is the one page a newcomer reads, so every TypeScript snippet in it must
// compile against the package, and its configuration table must match the client's options.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RETRY } from "../../src/index.js";
import { DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS } from "../../src/transport/timeouts.js";
import { OUTPUT_DIR, ROOT } from "../support/paths.js";
import { importsCarriedOver, tableUnder, typeScriptSnippets } from "./snippets.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const SNIPPETS = typeScriptSnippets(README);
const SNIPPET_DIR = join(OUTPUT_DIR, "readme-snippets");

/**
 * The names the README's snippets use without declaring them, as its "Examples" section
 * says: the client from the quick start and refs from earlier answers. A snippet's own
 * declaration of a name shadows these.
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

// As strict as this repository; the package name maps to the source, so no build is needed.
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
    paths: { "sitecore-cdp-orders": [join(ROOT, "src/index.ts")] },
  },
  include: ["*.ts"],
};

const fileOf = (index: number) => join(SNIPPET_DIR, `snippet-${String(index + 1).padStart(2, "0")}.ts`);
const CONTROL_FILE = join(SNIPPET_DIR, "control.ts");

let program: ts.Program;

function diagnosticsOf(file: string, firstLine: number): string[] {
  const source = program.getSourceFile(file);
  if (!source) return [`${file} is not part of the program`];
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => {
    const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    return `README.md:${firstLine + line}:${character + 1} TS${diagnostic.code}: ${message}`;
  });
}

beforeAll(() => {
  rmSync(SNIPPET_DIR, { recursive: true, force: true });
  mkdirSync(SNIPPET_DIR, { recursive: true });
  writeFileSync(join(SNIPPET_DIR, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(SNIPPET_DIR, "prelude.d.ts"), PRELUDE);
  writeFileSync(CONTROL_FILE, CONTROL);
  SNIPPETS.forEach(({ code, heading }, index) => {
    const earlier = SNIPPETS.slice(0, index)
      .filter((snippet) => snippet.heading === heading)
      .map((snippet) => snippet.code);
    writeFileSync(fileOf(index), `${[code, ...importsCarriedOver(earlier, code)].join("\n")}\n`);
  });
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

describe("the README's TypeScript snippets", () => {
  it("are there: at least one per resource and one per topic", () => {
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(12);
  });

  it.each(SNIPPETS.map((snippet, index) => ({ ...snippet, index })))(
    "README.md:$line ($heading) compiles",
    ({ index, line }) => {
      expect(diagnosticsOf(fileOf(index), line)).toEqual([]);
    },
  );

  it("fail the check when a snippet has a type error", () => {
    expect(diagnosticsOf(CONTROL_FILE, 1).join("\n")).toMatch(/TS\d+: .*"\/v2\.1\/order"/);
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
