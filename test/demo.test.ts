// `npm run demo` as a user runs it (a child process), plus the failure path in-process.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { assert, describe, expect, it } from "vitest";
import { runDemo, StepFailure } from "../scripts/demo-steps.js";
import { observedClient } from "./helpers.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX_CLI = createRequire(import.meta.url).resolve("tsx/cli");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runDemoScript(env: Record<string, string>): Promise<Run> {
  const { CDP_CLIENT_KEY: _k, CDP_API_TOKEN: _t, CDP_REGION: _r, ...rest } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX_CLI, "scripts/demo.ts"],
      { cwd: ROOT, env: { ...rest, ...env }, timeout: 55_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const STEPS = [
  "1/9 Create the order ... ok",
  "2/9 Create the order contact ... ok",
  "3/9 Add two order items ... ok",
  "4/9 Add an order consumer ... ok",
  "5/9 Create the order and order item data extensions ... ok",
  "6/9 List the order items (expand=true) ... ok  2 order items",
  "7/9 Read the order back ... ok",
  "8/9 Print the guest ref from the contact's guest.href ... ok",
  "9/9 Delete what was created ... ok",
];

// The guest ref in the spec's OrderContact example (openapi/components/examples/OrderContact.yaml).
const EXAMPLE_GUEST_REF = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

describe("npm run demo", () => {
  it("runs every step against the embedded mock when no credentials are set", { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await runDemoScript({});
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("Using the embedded mock");
    const positions = STEPS.map((line) => stdout.indexOf(line));
    expect(
      positions.every((position) => position >= 0),
      stdout,
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(stdout).toContain(`guest ref ${EXAMPLE_GUEST_REF}`);
    expect(stdout).toContain(
      "deleted order item extension, order extension, consumer, order item, order item, contact, order",
    );
    expect(stdout.trimEnd().split("\n").at(-1)).toMatch(/^Finished: all 9 steps ok/);
  });

  it("refuses an unknown region with a ConfigurationError and never prints the token", {
    timeout: 60_000,
  }, async () => {
    const token = "tok-3f9a-never-print-me";
    const { code, stdout, stderr } = await runDemoScript({
      CDP_CLIENT_KEY: "demo-key",
      CDP_API_TOKEN: token,
      CDP_REGION: "mars",
    });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toMatch(/ConfigurationError: Unknown region "mars"; expected one of ap, eu, jp, us/);
    expect(stdout).not.toContain("1/9");
    for (const secret of [token, btoa(`demo-key:${token}`)]) expect(stdout + stderr).not.toContain(secret);
  });
});

describe("runDemo when a step fails", () => {
  it("names the step, the HTTP status and CDP's message, and still deletes what was created", async () => {
    const order = { ref: "o-1", href: "https://cdp.test/v2.1/orders/o-1", referenceId: "demo-1", price: 125 };
    const unauthorized = { status: "UNAUTHORIZED", code: 401, message: "Authentication credentials are required." };
    const { client, requests } = observedClient(
      ({ method, url }) => {
        if (method === "DELETE") return new Response(null, { status: url.endsWith("/orders/o-1") ? 500 : 204 });
        if (url.endsWith("/v2.1/orders")) return Response.json(order, { status: 201 });
        return Response.json(unauthorized, { status: 401 });
      },
      { retry: { maxRetries: 0 } },
    );
    const lines: string[] = [];
    const failure = await runDemo(client, (line) => lines.push(line)).catch((error: unknown) => error);

    assert(failure instanceof StepFailure, `expected a StepFailure, got ${String(failure)}`);
    const { message, cleanup } = failure;
    expect(message).toBe(
      'Step 2 "Create the order contact" failed: HTTP 401 UNAUTHORIZED: Authentication credentials are required.',
    );
    // Only the order was created, so only the order is deleted; its failure is reported
    // without replacing the original reason.
    expect(requests.filter((r) => r.method === "DELETE").map((r) => r.url)).toEqual([
      "https://cdp.test/v2.1/orders/o-1",
    ]);
    expect(cleanup?.message).toMatch(/^Step 9 .* failed: could not delete order o-1: HTTP 500/);
    expect(lines).toEqual([
      expect.stringMatching(/^1\/9 Create the order \.\.\. ok {2}ref o-1/),
      "2/9 Create the order contact ... FAILED",
      "9/9 Delete what was created (cleanup after the failure) ... FAILED",
    ]);
  });
});
