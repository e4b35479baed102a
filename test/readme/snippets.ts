import ts from "typescript";

/** A fenced TypeScript block of a Markdown document. */
export interface Snippet {
  /** The document line of the block's first line of code (1-based). */
  line: number;
  /** The nearest heading above the block. */
  heading: string;
  /** The nearest level-2 heading above the block. */
  section: string;
  code: string;
}

const OPENING_FENCE = /^```(ts|typescript)\s*$/;
const CLOSING_FENCE = /^```\s*$/;
const HEADING = /^#{1,6}\s+(.*)$/;

/** The index of the fence that closes the block opened at `opening`, or the last line. */
function closingFence(lines: string[], opening: number): number {
  let index = opening + 1;
  while (index < lines.length && !CLOSING_FENCE.test(lines[index]!)) index++;
  return index;
}

/** Every ```ts (or ```typescript) block, in document order. */
export function typeScriptSnippets(markdown: string): Snippet[] {
  const lines = markdown.split("\n");
  const snippets: Snippet[] = [];
  let heading = "";
  let section = "";
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!;
    const title = HEADING.exec(text);
    if (title) heading = title[1]!;
    if (title && text.startsWith("## ")) section = heading;
    if (!text.startsWith("```")) continue;
    // Other blocks are skipped whole, so a `#` comment in a shell block is no heading.
    const end = closingFence(lines, index);
    if (OPENING_FENCE.test(text))
      snippets.push({ line: index + 2, heading, section, code: lines.slice(index + 1, end).join("\n") });
    index = end;
  }
  return snippets;
}

/** The rows of the first Markdown table under `## heading`, as arrays of cell texts (header row excluded). */
export function tableUnder(markdown: string, heading: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("## ")) break;
    if (line.startsWith("|"))
      rows.push(
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    else if (rows.length > 0) break;
  }
  return rows.slice(2);
}

interface ImportedName {
  module: string;
  /** The local name the import binds. */
  local: string;
  /** The import declaration that binds only this name. */
  declaration: string;
}

function importedNames(code: string): ImportedName[] {
  const source = ts.createSourceFile("snippet.ts", code, ts.ScriptTarget.ES2022);
  return source.statements.filter(ts.isImportDeclaration).flatMap((statement) => {
    const module = (statement.moduleSpecifier as ts.StringLiteral).text;
    const clause = statement.importClause;
    if (!clause) return [];
    const from = ` from ${JSON.stringify(module)};`;
    const typeOnly = clause.isTypeOnly ? "type " : "";
    const names: ImportedName[] = [];
    if (clause.name)
      names.push({ module, local: clause.name.text, declaration: `import ${typeOnly}${clause.name.text}${from}` });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      names.push({
        module,
        local: bindings.name.text,
        declaration: `import ${typeOnly}* as ${bindings.name.text}${from}`,
      });
    } else if (bindings) {
      for (const element of bindings.elements) {
        const spec = element.getText(source);
        names.push({ module, local: element.name.text, declaration: `import ${typeOnly}{ ${spec} }${from}` });
      }
    }
    return names;
  });
}

/** The names a snippet declares at its top level, imports included. */
function declaredNames(code: string): Set<string> {
  const source = ts.createSourceFile("snippet.ts", code, ts.ScriptTarget.ES2022);
  const names = new Set(importedNames(code).map(({ local }) => local));
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const { name } of statement.declarationList.declarations) if (ts.isIdentifier(name)) names.add(name.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/**
 * A snippet may use what earlier snippets of its section imported, as a reader who read
 * the section from the top would. Returns those imports, one declaration per line, minus
 * the names the snippet declares itself; ES modules hoist imports, so they can follow the
 * snippet and leave its line numbers alone.
 */
export function importsCarriedOver(earlier: readonly string[], current: string): string[] {
  const own = declaredNames(current);
  const carried = new Map<string, string>();
  for (const { local, declaration } of earlier.flatMap(importedNames)) {
    if (!own.has(local)) carried.set(local, declaration);
  }
  return [...carried.values()];
}

/** The text of the section under `## heading`, up to the next level-1 or level-2 heading; "" when there is none. */
export function sectionUnder(markdown: string, heading: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) return "";
  const end = lines.findIndex((line, index) => index > start && /^#{1,2}\s/.test(line));
  return lines.slice(start, end === -1 ? undefined : end).join("\n");
}

/** A line of prose with its code spans blanked out, so `a[0](b)` in code is no link. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, (span) => " ".repeat(span.length));
}

/** The lines outside fenced code blocks, with their 1-based line numbers. */
function proseLines(markdown: string): { line: number; text: string }[] {
  const lines = markdown.split("\n");
  const prose: { line: number; text: string }[] = [];
  let fence: string | undefined;
  lines.forEach((text, index) => {
    const opening = /^(`{3,}|~{3,})/.exec(text);
    if (fence === undefined && opening) fence = opening[1];
    else if (fence !== undefined && text.startsWith(fence)) fence = undefined;
    else if (fence === undefined) prose.push({ line: index + 1, text });
  });
  return prose;
}

/** Every inline link and image target (`[text](target)`) outside code, in document order. */
export function linkTargets(markdown: string): { line: number; target: string }[] {
  return proseLines(markdown).flatMap(({ line, text }) =>
    [...withoutCodeSpans(text).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => ({
      line,
      target: match[1]!,
    })),
  );
}

/** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const title = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1];
    if (title === undefined) continue;
    const slug = title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}
