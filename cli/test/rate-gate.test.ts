import { describe, expect, it } from "vitest";
import { AttemptTimeout } from "../src/attempt-timeout.js";
import { gatedFetch, MAX_PAUSE_MS, RateGate, type Send } from "../src/rate-gate.js";
import { createOrderClient, type OrderClient } from "sitecore-cdp-orders";
import { example } from "../../test/contract/examples.js";

const ORDER = example("Order");
const NEW_ORDER = example("OrderRequest");
const get = (client: OrderClient) =>
  client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER.ref } } });

/** A client that sends through the gate, as the commands' client does; the client's own timeout is roomy. */
function gatedClient(gate: RateGate, send: Send, options: { timeoutMs?: number; maxRetries?: number } = {}) {
  const fetch = gatedFetch(gate, send, options.timeoutMs ?? 5_000);
  return createOrderClient({
    baseUrl: "https://cdp.test",
    clientKey: "k",
    apiToken: "t",
    fetch: (request) => fetch(request),
    timeoutMs: 60_000,
    retry: { maxRetries: options.maxRetries ?? 2, initialDelayMs: 1, maxDelayMs: 1 },
  });
}

/** A clock for the gate that only moves when the gate sleeps, and the sleeps it took. */
function fakeClock() {
  let now = 1_700_000_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe("the rate gate", () => {
  it("holds every request back for the Retry-After of a 429 seen by any one", async () => {
    const gate = new RateGate({ maxInFlight: 4 });
    await gate.acquire();
    const startedAt = Date.now();
    gate.release(429, "1");
    const waited = await Promise.all(
      [1, 2, 3].map(async () => {
        await gate.acquire();
        const at = Date.now() - startedAt;
        gate.release(200);
        return at;
      }),
    );
    for (const ms of waited) expect(ms).toBeGreaterThanOrEqual(990);
    expect(gate.stats().rateLimited).toBe(1);
  });

  it("pauses for a default time when a 429 has no usable Retry-After", async () => {
    const gate = new RateGate({ maxInFlight: 2, defaultPauseMs: 150 });
    await gate.acquire();
    const startedAt = Date.now();
    gate.release(429, "soon");
    await gate.whenOpen();
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
  });

  it("pauses 1 s by default after a 429 without a Retry-After, or with one it cannot read", async () => {
    for (const retryAfter of [null, "", "soon", "-5"]) {
      const clock = fakeClock();
      const gate = new RateGate({ maxInFlight: 2, now: clock.now, sleep: clock.sleep });
      await gate.acquire();
      gate.release(429, retryAfter);
      expect(gate.stats().pausedUntil - clock.now()).toBe(1_000);
      await gate.acquire();
      expect(clock.slept).toEqual([1_000]);
      gate.release(200);
    }
  });

  it.each([
    ["120", 60_000],
    ["3600", 60_000],
    ["61", 60_000],
    ["60", 60_000],
    ["59", 59_000],
  ])("pauses for a Retry-After of %s s no longer than 60 s (%i ms)", async (retryAfter, pauseMs) => {
    const clock = fakeClock();
    const gate = new RateGate({ maxInFlight: 1, now: clock.now, sleep: clock.sleep });
    expect(MAX_PAUSE_MS).toBe(60_000);
    await gate.acquire();
    gate.release(429, retryAfter);
    await gate.whenOpen();
    expect(clock.slept).toEqual([pauseMs]);
  });

  it("caps a Retry-After given as a date as well", async () => {
    const clock = fakeClock();
    const gate = new RateGate({ maxInFlight: 1, now: clock.now, sleep: clock.sleep });
    await gate.acquire();
    gate.release(429, new Date(clock.now() + 10 * 60_000).toUTCString());
    await gate.whenOpen();
    expect(clock.slept).toEqual([60_000]);
  });

  it("halves the requests in flight per 429 and grows back by one per clean round", async () => {
    const gate = new RateGate({ maxInFlight: 8, defaultPauseMs: 1 });
    await gate.acquire();
    gate.release(429, "0");
    expect(gate.stats().limit).toBe(4);
    for (let i = 0; i < 4; i++) {
      await gate.acquire();
      gate.release(200);
    }
    expect(gate.stats().limit).toBe(5);
  });

  it("lets no more than the limit through at once", async () => {
    const gate = new RateGate({ maxInFlight: 3 });
    let inFlight = 0;
    let most = 0;
    const fetch = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return Response.json(ORDER);
    };
    const answers = await Promise.all(Array.from({ length: 12 }, () => get(gatedClient(gate, fetch))));
    expect(answers.map((a) => a.response.status)).toEqual(Array(12).fill(200));
    expect(most).toBe(3);
  });

  // A Retry-After longer than the timeout would otherwise fail requests that were never sent.
  it("starts an attempt's timeout only once the gate lets it through", async () => {
    const gate = new RateGate({ maxInFlight: 2 });
    await gate.acquire();
    gate.release(429, "1");
    const sentAt: number[] = [];
    const send = async () => {
      sentAt.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 20));
      return Response.json(ORDER);
    };
    const client = gatedClient(gate, send, { timeoutMs: 100 });
    const startedAt = Date.now();
    const answers = await Promise.all([get(client), get(client)]);
    expect(answers.map((a) => a.response.status)).toEqual([200, 200]);
    expect(Math.min(...sentAt) - startedAt).toBeGreaterThanOrEqual(900);
  });

  it("ends an attempt with AttemptTimeout once the timeout has passed since it went out, and gives its slot back", async () => {
    const gate = new RateGate({ maxInFlight: 1 });
    let signalOfSend: AbortSignal | undefined;
    const send: Send = (_request, signal) => {
      signalOfSend = signal;
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    };
    const startedAt = Date.now();
    const error = await gatedFetch(gate, send, 50)(new Request("https://cdp.test/v2.1/orders")).catch((e) => e);
    expect(error).toBeInstanceOf(AttemptTimeout);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
    expect(signalOfSend?.reason).toBe(error);
    expect(gate.stats()).toMatchObject({ limit: 1, rateLimited: 0 });
    await gate.acquire(AbortSignal.timeout(1_000)); // the slot was given back
  });

  it("tells the request's turn, and nothing else, to onSend; passes on the request's abort", async () => {
    const gate = new RateGate({ maxInFlight: 1 });
    await gate.acquire();
    const told: string[] = [];
    const send: Send = async (request, signal) => {
      told.push(`sent ${request.method}`);
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
      throw signal.reason;
    };
    const caller = new AbortController();
    const request = new Request("https://cdp.test/v2.1/orders", { method: "POST", body: "{}", signal: caller.signal });
    const sending = gatedFetch(gate, send, 5_000)(request, () => told.push("turn"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(told).toEqual([]);
    gate.release(200);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(told).toEqual(["turn", "sent POST"]);
    caller.abort(new Error("stop"));
    await expect(sending).rejects.toThrow("stop");
    await gate.acquire(AbortSignal.timeout(1_000));
  });

  it("gives the slot back when an attempt fails, and ends a wait when the caller aborts", async () => {
    const gate = new RateGate({ maxInFlight: 1 });
    const send = async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    };
    const client = gatedClient(gate, send, { maxRetries: 1 });
    expect(await get(client).catch((e: unknown) => (e as Error).name)).toBe("ConnectionError");
    await gate.acquire();
    const caller = new AbortController();
    const waiting = client
      .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER.ref } }, signal: caller.signal })
      .catch((e: unknown) => e);
    caller.abort(new Error("stop"));
    expect(await waiting).toMatchObject({ name: "RequestAbortedError", outcomeUnknown: false });
    gate.release(200);
  });

  it("sends nothing when an abort comes as the turn does, and gives the slot back", async () => {
    const gate = new RateGate({ maxInFlight: 1 });
    await gate.acquire();
    const seen: string[] = [];
    const send = async (request: Request) => {
      seen.push(request.method);
      return Response.json(ORDER, { status: 201 });
    };
    const caller = new AbortController();
    const call = gatedClient(gate, send)
      .POST("/v2.1/orders", { body: NEW_ORDER, signal: caller.signal })
      .catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 10));
    gate.release(201);
    caller.abort(new Error("stop"));
    expect(await call).toMatchObject({ name: "RequestAbortedError" });
    expect(seen).toEqual([]);
    expect(gate.stats().limit).toBe(1);
    await gate.acquire(AbortSignal.timeout(1_000)); // the slot was given back
  });

  it("gives up a wait when the request is aborted, and keeps its slot free", async () => {
    const gate = new RateGate({ maxInFlight: 1 });
    await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    gate.release(200);
    await gate.acquire();
    gate.release(200);
  });
});
