// npm run spec:diff -- <git-ref> [--markdown] [--allow-breaking]
// Compares the spec at a git ref with the working tree's and reports every change, breaking
// ones first. Exit code: 1 when a change is breaking (unless --allow-breaking), 2 when the
// comparison cannot be made (bad arguments, unknown ref, a spec that does not load), else 0.
import { pathToFileURL } from "node:url";
import { loadSpecAtRef, loadWorkingTreeSpec, repositoryRoot, UsageError } from "./git.js";
import { diffSpecs } from "./diff.js";
import { markdownReport, textReport } from "./report.js";

export const USAGE = "Usage: npm run spec:diff -- <git-ref> [--markdown] [--allow-breaking]";

export interface Options {
  ref: string;
  markdown: boolean;
  allowBreaking: boolean;
}

export function parseArgs(argv: readonly string[]): Options {
  const refs = argv.filter((arg) => !arg.startsWith("-"));
  const unknown = argv.filter((arg) => arg.startsWith("-") && arg !== "--markdown" && arg !== "--allow-breaking");
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}`);
  if (refs.length !== 1)
    throw new UsageError(refs.length === 0 ? "give the git ref to compare with" : "give one git ref");
  return { ref: refs[0]!, markdown: argv.includes("--markdown"), allowBreaking: argv.includes("--allow-breaking") };
}

export interface Outcome {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Runs the command in the git work tree holding `cwd`, without touching the process. */
export function runSpecDiff(argv: readonly string[], cwd: string): Outcome {
  if (argv.includes("--help") || argv.includes("-h")) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
  try {
    const options = parseArgs(argv);
    const root = repositoryRoot(cwd);
    const changes = diffSpecs(loadSpecAtRef(root, options.ref), loadWorkingTreeSpec(root));
    const stdout = options.markdown ? markdownReport(changes) : textReport(changes, options.ref);
    const breaking = changes.filter((change) => change.breaking).length;
    if (breaking === 0) return { code: 0, stdout, stderr: "" };
    if (options.allowBreaking) return { code: 0, stdout, stderr: "" };
    const advice = `${breaking} breaking change${breaking === 1 ? "" : "s"}: release them as a major version (docs/releasing.md), and pass --allow-breaking to accept them.\n`;
    return { code: 1, stdout, stderr: advice };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { code: 2, stdout: "", stderr: `spec:diff: ${error.message}\n${USAGE}\n` };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { code, stdout, stderr } = runSpecDiff(process.argv.slice(2), process.cwd());
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
