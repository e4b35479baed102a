import ts from "typescript";
import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";
const files = execSync("git ls-files src cli/src 2>/dev/null; find src -name '*.ts'", { encoding: "utf8" }).split("\n").filter((f) => f.endsWith(".ts"));
const found: [number, string][] = [];
for (const file of new Set(files)) {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const name = (node as ts.FunctionDeclaration).name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : ts.isPropertyAssignment(node.parent) ? node.parent.name.getText() : "<anon>");
      found.push([end - start + 1, `${file}:${start} ${name}`]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
found.sort((a, b) => b[0] - a[0]);
for (const [n, w] of found.slice(0, 12)) console.log(n, w);
