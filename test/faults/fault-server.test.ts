// The fault server does what its script says; the matrix relies on each kind of step.
import { afterEach, expect, it, vi } from "vitest";
import { codesOf, freedPort, json, startFaultServer, type FaultServer } from "./fault-server.js";

const open: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function started(): Promise<FaultServer> {
  const server = await startFaultServer();
  open.push(server);
  return server;
}

it("answers each request with the next step and records what it saw", async () => {
  const server = await started();
  expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  server.script([json(201, { ok: 1 }, { "x-step": "one" }), { status: 503, body: "busy" }]);
  const first = await fetch(`${server.url}/a?b=1`, { method: "POST", body: '{"x":1}', headers: { "x-test": "yes" } });
  expect([first.status, first.headers.get("x-step"), await first.json()]).toEqual([201, "one", { ok: 1 }]);
  const second = await fetch(`${server.url}/c`);
  expect([second.status, await second.text()]).toEqual([503, "busy"]);
  const third = await fetch(`${server.url}/d`);
  expect(third.status).toBe(500);
  await third.text();
  expect(server.attempts).toBe(3);
  expect(server.unscripted).toBe(1);
  expect(server.requests.map((r) => [r.index, r.method, r.url, r.body, r.action, r.status])).toEqual([
    [1, "POST", "/a?b=1", '{"x":1}', "answer", 201],
    [2, "GET", "/c", "", "answer", 503],
    [3, "GET", "/d", "", "unscripted", 500],
  ]);
  expect(server.requests[0]!.headers["x-test"]).toBe("yes");
});

it("builds a step from a function when the request arrives", async () => {
  const server = await started();
  server.script([(request) => json(200, { echoed: request.url })]);
  expect(await (await fetch(`${server.url}/echo`)).json()).toEqual({ echoed: "/echo" });
});

it("delays the first byte", async () => {
  const server = await started();
  server.script([{ delayFirstByteMs: 150, status: 204 }]);
  const sentAt = Date.now();
  const response = await fetch(server.url);
  expect(response.status).toBe(204);
  expect(Date.now() - sentAt).toBeGreaterThanOrEqual(145);
  const record = server.requests[0]!;
  expect(record.answeredAt! - record.receivedAt).toBeGreaterThanOrEqual(145);
});

// The matrix fakes the client's timers for the faults that are not about time.
it("keeps its delays and its mid-body reset on the real clock while the test's timers are fake", async () => {
  const server = await started();
  server.script([
    { delayFirstByteMs: 50, status: 204 },
    { resetMidBody: true, status: 200, partialBody: "{" },
  ]);
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  try {
    // Nothing advances the fake clock: only real timers can answer these.
    expect((await fetch(server.url)).status).toBe(204);
    const response = await fetch(server.url);
    await expect(response.text()).rejects.toThrow();
    expect(server.requests.map((r) => r.action)).toEqual(["answer", "reset-mid-body"]);
  } finally {
    vi.useRealTimers();
  }
});

it("resets the connection before any answer", async () => {
  const server = await started();
  server.script([{ resetBeforeResponse: true }]);
  const error = await fetch(server.url, { method: "POST", body: "payload" }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TypeError);
  expect(server.requests.map((r) => [r.action, r.body])).toEqual([["reset", "payload"]]);
});

it("resets the connection in the middle of the body, after the status and headers", async () => {
  const server = await started();
  server.script([{ resetMidBody: true, status: 200, partialBody: '{"ref":"abc' }]);
  const response = await fetch(server.url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json");
  await expect(response.text()).rejects.toThrow();
  expect(server.requests[0]!.action).toBe("reset-mid-body");
});

it("redirects", async () => {
  const server = await started();
  server.script([{ redirectTo: "http://127.0.0.1:1/elsewhere" }]);
  const response = await fetch(server.url, { redirect: "manual" });
  expect([response.status, response.headers.get("location")]).toEqual([307, "http://127.0.0.1:1/elsewhere"]);
});

it("gives a port that refuses connections", async () => {
  const port = await freedPort();
  const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
  expect(codesOf(error)).toContain("ECONNREFUSED");
});

it("closes promptly, cutting off a request that is waiting for its answer", async () => {
  const server = await startFaultServer();
  server.script([{ delayFirstByteMs: 5_000, status: 200 }]);
  const pending = fetch(server.url).catch((e: unknown) => e);
  for (let i = 0; i < 100 && server.attempts === 0; i++) await new Promise((r) => setTimeout(r, 5));
  expect(server.attempts).toBe(1);
  const closing = Date.now();
  await server.close();
  expect(await pending).toBeInstanceOf(TypeError);
  expect(Date.now() - closing).toBeLessThan(1_000);
});
