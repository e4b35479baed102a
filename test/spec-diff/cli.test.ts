// The command as run: against temporary git repositories, so nothing depends on this
// repository's history. The exit code is checked on the real process; the other usage
// errors through runSpecDiff, the same code without a process around it.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSpecDiff, USAGE } from "../../scripts/spec-diff/cli.js";
import { ROOT } from "../support/paths.js";
import { runBin } from "../support/run.js";
import { edit, FIXTURES, fixtureSpec, repositoryWith, thisRepositorySpec } from "./helpers.js";

const CLI = join(ROOT, "scripts/spec-diff/cli.ts");
const specDiff = (cwd: string, ...args: string[]) => runBin("tsx", [CLI, ...args], { cwd });
const repos: string[] = [];

/** A repository holding fixtures/before.yaml at HEAD and the `after` fixture in its working tree. */
function fixtureRepository(after: string): string {
  const repo = repositoryWith(fixtureSpec("before"));
  cpSync(join(FIXTURES, `${after}.yaml`), join(repo, "openapi/openapi.yaml"));
  repos.push(repo);
  return repo;
}

afterAll(() => {
  for (const repo of repos) rmSync(repo, { recursive: true, force: true });
});

describe("npm run spec:diff on a breaking change", () => {
  let repo: string;
  beforeAll(() => {
    repo = fixtureRepository("shared-enum-value-added");
  });

  it("lists the changes by group and exits 1", async () => {
    const { code, stdout, stderr } = await specDiff(repo, "HEAD");
    expect(stdout).toBe(
      [
        "Breaking changes since HEAD (2):",
        "  POST /v2.1/orders: response body field `channel`: enum value `KIOSK` added (responses.201.body.channel)",
        "  GET /v2.1/orders/{orderRef}: response body field `channel`: enum value `KIOSK` added (responses.200.body.channel)",
        "",
        "Non-breaking changes since HEAD (1):",
        "  POST /v2.1/orders: request body field `channel`: enum value `KIOSK` added (body.channel)",
        "",
      ].join("\n"),
    );
    expect(stderr).toContain("2 breaking changes");
    expect(code).toBe(1);
  });

  it("exits 0 with --allow-breaking, reporting the same", async () => {
    const { code, stdout, stderr } = await specDiff(repo, "HEAD", "--allow-breaking");
    expect(code).toBe(0);
    expect(stdout).toContain("Breaking changes since HEAD (2):");
    expect(stderr).toBe("");
  });

  it("prints CHANGELOG lines with --markdown", async () => {
    const { code, stdout } = await specDiff(repo, "--markdown", "HEAD");
    expect(stdout).toBe(
      [
        "- **Breaking:** POST /v2.1/orders: response body field `channel`: enum value `KIOSK` added (`responses.201.body.channel`)",
        "- **Breaking:** GET /v2.1/orders/{orderRef}: response body field `channel`: enum value `KIOSK` added (`responses.200.body.channel`)",
        "- POST /v2.1/orders: request body field `channel`: enum value `KIOSK` added (`body.channel`)",
        "",
      ].join("\n"),
    );
    expect(code).toBe(1);
  });

  it("exits 2 on an unknown ref, saying so", async () => {
    const { code, stdout, stderr } = await specDiff(repo, "no-such-tag");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`spec:diff: unknown git ref: no-such-tag\n${USAGE}\n`);
  });
});

describe("runSpecDiff", () => {
  it("exits 0 when every change is non-breaking", () => {
    const outcome = runSpecDiff(["HEAD"], fixtureRepository("optional-request-field-added"));
    expect(outcome).toEqual({
      code: 0,
      stdout:
        "Non-breaking changes since HEAD (1):\n  POST /v2.1/orders: request body field `notes` added (body.notes)\n",
      stderr: "",
    });
  });

  it("exits 0 when nothing changed, and --markdown prints nothing", () => {
    const repo = fixtureRepository("before");
    expect(runSpecDiff(["HEAD"], repo)).toEqual({
      code: 0,
      stdout: "No changes to the spec since HEAD.\n",
      stderr: "",
    });
    expect(runSpecDiff(["HEAD", "--markdown"], repo)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it.each([
    [[], "give the git ref to compare with"],
    [["HEAD", "HEAD~1"], "give one git ref"],
    [["HEAD", "--colour"], "unknown option --colour"],
    [["HEAD~3"], "unknown git ref: HEAD~3"],
  ])("exits 2 for %j: %s", (args, message) => {
    const outcome = runSpecDiff(args, fixtureRepository("before"));
    expect(outcome).toEqual({ code: 2, stdout: "", stderr: `spec:diff: ${message}\n${USAGE}\n` });
  });

  it("exits 2 when the ref has no spec, or the working tree's does not load", () => {
    const repo = repositoryWith(() => {});
    repos.push(repo);
    expect(runSpecDiff(["HEAD"], repo).stderr).toContain("spec:diff: HEAD has no openapi/ folder");
    const broken = fixtureRepository("before");
    writeFileSync(join(broken, "openapi/openapi.yaml"), "paths:\n  /x:\n    $ref: missing.yaml\n");
    const outcome = runSpecDiff(["HEAD"], broken);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^spec:diff: the spec of the working tree does not load: .*missing\.yaml/);
  });

  it("exits 2 outside a git repository", () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-no-repo-"));
    repos.push(dir);
    expect(runSpecDiff(["HEAD"], dir).code).toBe(2);
  });
});

describe("end to end, on this repository's spec", () => {
  let repo: string;
  beforeAll(() => {
    repo = repositoryWith(thisRepositorySpec);
    repos.push(repo);
  });

  it("finds no change between HEAD and an untouched working tree", async () => {
    const { code, stdout } = await specDiff(repo, "HEAD");
    expect([code, stdout]).toEqual([0, "No changes to the spec since HEAD.\n"]);
  });

  it("reports a response field removed, an optional request field added and an enum value added", async () => {
    const schemas = "openapi/components/schemas";
    const createdAt = [
      "      createdAt:",
      "        type: string",
      "        format: date-time",
      "        readOnly: true",
      "        description: When Sitecore CDP created the order.",
      "        examples:",
      '          - "2024-01-01T16:17:16Z"',
    ];
    edit(repo, `${schemas}/Order.yaml`, `${createdAt.join("\n")}\n`, "");
    edit(repo, `${schemas}/OrderInput.yaml`, "allOf:\n", "properties:\n  notes:\n    type: string\nallOf:\n");
    edit(repo, `${schemas}/OrderAttributes.yaml`, "      - GDS\n", "      - GDS\n      - KIOSK_2\n");
    const { code, stdout } = await specDiff(repo, "HEAD", "--markdown");
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "- **Breaking:** POST /v2.1/orders: response body field `createdAt` removed (`responses.201.body.createdAt`)",
        "- **Breaking:** POST /v2.1/orders: response body field `channel`: enum value `KIOSK_2` added (`responses.201.body.channel`)",
        "- POST /v2.1/orders, PUT /v2.1/orders/{orderRef}: request body field `notes` added (`body.notes`)",
        "- POST /v2.1/orders, PUT /v2.1/orders/{orderRef}, PATCH /v2.1/orders/{orderRef}: request body field `channel`: enum value `KIOSK_2` added (`body.channel`)",
      ]),
    );
    // Order is in every order answer: the removal shows at each operation returning one, list items included.
    expect(lines).toContain(
      "- **Breaking:** GET /v2.1/orders: response body field `items[].anyOf[0].createdAt` removed (`responses.200.body.items[].anyOf[0].createdAt`)",
    );
    // Responses only ever break here; requests only ever gain.
    for (const line of lines) expect(line.startsWith("- **Breaking:**")).toBe(line.includes("responses."));
    expect(code).toBe(1);
  });
});
