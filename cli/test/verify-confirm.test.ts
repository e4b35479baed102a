// verify asks before it creates anything on a tenant that is not on loopback. The CLI's
// transport is replaced here by one that records each request and hands it to the fake CDP,
// so a base URL on a name no one answers shows what would have been sent.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeCdp, type FakeCdp } from "../../test/fake-cdp/server.js";
import { runCli } from "../src/run-cli.js";
import { cliEnv, runCliProcess } from "./cli-process.js";
import { fakeHolds } from "./verify-support.js";

const TENANT = "https://cdp-verify.invalid";
const sent: string[] = [];
let fake: FakeCdp;

vi.mock("../src/node-fetch.js", () => ({
  nodeFetch: () => async (request: Request) => {
    sent.push(`${request.method} ${request.url}`);
    const url = new URL(request.url);
    const body = request.method === "GET" || request.method === "DELETE" ? undefined : await request.text();
    return fetch(`${fake.url}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
    });
  },
}));

beforeAll(async () => {
  fake = await startFakeCdp();
});
beforeEach(() => {
  sent.length = 0;
});
afterAll(async () => {
  await fake.close();
});

/** Runs verify in this process; `answer` is typed on a terminal, when given. */
async function verify(flags: string[], answer?: string) {
  const stdin = Object.assign(new PassThrough(), { isTTY: answer !== undefined });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
    if (answer !== undefined && chunk.includes("Proceed? [y/N] ")) stdin.write(`${answer}\r`);
  });
  const code = await runCli(["verify", "--base-url", TENANT, ...flags], { stdin, stdout, stderr, env: cliEnv() });
  return { code, stdout: out, stderr: err };
}

describe("verify against a tenant that is not on loopback", () => {
  it("says what it will create and delete, and without a terminal or --yes exits 2 having sent nothing", async () => {
    const run = await verify([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cdp-orders verify sends each of the 38 operations of the Order API to ${TENANT}.`);
    expect(run.stderr).toMatch(/an order \(referenceId cdp-orders-verify-\d+-order\) and its contact/);
    expect(run.stderr).toContain("and deletes them all at the end, newest first, also after a failure or Ctrl-C.");
    expect(run.stderr).toContain("there is no terminal to ask on; give --yes to proceed. Nothing was sent.");
    expect(run.stdout).toBe("");
    expect(sent).toEqual([]);
  });

  it("exits 2 having sent nothing when the answer on the terminal is not y", async () => {
    const run = await verify([], "n");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Proceed? [y/N] ");
    expect(run.stderr).toContain("cdp-orders: not confirmed. Nothing was sent.");
    expect(sent).toEqual([]);
  });

  it("runs after a y on the terminal", async () => {
    const run = await verify(["--json"], "y");
    expect(run.code, run.stderr).toBe(0);
    expect(sent).toHaveLength(38);
    expect(sent.every((request) => request.includes(`${TENANT}/v2.1/`))).toBe(true);
    expect(fakeHolds(fake).orders).toBe(0);
  });

  it("runs without asking with --yes", async () => {
    const run = await verify(["--yes"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("Proceed?");
    expect(sent).toHaveLength(38);
  });

  it("refuses as a process too, with no network: the name is never contacted", async () => {
    const run = await runCliProcess(["verify", "--base-url", TENANT], 30_000);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain("there is no terminal to ask on; give --yes to proceed. Nothing was sent.");
    expect(run.stdout).toBe("");
  });
});
