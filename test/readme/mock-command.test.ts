// `npm run mock -- --port N`, the way docs/testing-against-the-mock.md gives to test against
// the spec: it says where the mock is only once Prism serves there, and fails when the port is
// taken by anything else.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("../../scripts/mock.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function runMock(port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, exited, output: () => ({ stdout, stderr }) };
}

it("fails, saying so, when something else already listens on the port", async () => {
  const other = createServer((_, res) => res.end("{}")).listen(0, "127.0.0.1");
  await once(other, "listening");
  try {
    const port = (other.address() as AddressInfo).port;
    const mock = runMock(port);
    expect(await mock.exited).toBe(1);
    expect(mock.output().stdout).toBe("");
    expect(mock.output().stderr).toContain(`The mock did not start: port ${port} on 127.0.0.1 is already in use`);
  } finally {
    other.close();
  }
}, 30_000);

it("serves the spec on the port it was given until interrupted", async () => {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const mock = runMock(port);
  try {
    while (!mock.output().stdout.includes("Ctrl-C stops it")) {
      if (mock.child.exitCode !== null) throw new Error(mock.output().stderr);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(mock.output().stdout).toContain(`Prism mock of the Order REST API v2.1 at http://127.0.0.1:${port}`);
    const answer = await fetch(`http://127.0.0.1:${port}/v2.1/orders?referenceId=R1`);
    expect(answer.status).toBe(401);
  } finally {
    mock.child.kill("SIGINT");
  }
  expect(await mock.exited).toBe(0);
}, 60_000);

it("is the command the page gives, and npm runs this script for it", () => {
  const page = readFileSync(`${ROOT}docs/testing-against-the-mock.md`, "utf8");
  expect(page).toMatch(/^npm run mock -- --port 4010 /m);
  const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: Record<string, string> };
  expect(scripts.mock).toBe("tsx scripts/mock.ts");
});
