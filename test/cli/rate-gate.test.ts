import { describe, expect, it } from "vitest";
import { gatedFetch, RateGate } from "../../src/cli/rate-gate.js";
import { createOrderClient } from "../../src/client.js";
import { example } from "../contract/examples.js";

const ORDER = example("Order");
const get = (client: ReturnType<typeof createOrderClient>) =>
  client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ORDER.ref } } });

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
    const client = createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: "t",
      fetch: gatedFetch(gate, fetch),
    });
    const answers = await Promise.all(Array.from({ length: 12 }, () => get(client)));
    expect(answers.map((a) => a.response.status)).toEqual(Array(12).fill(200));
    expect(most).toBe(3);
  });

  // A Retry-After longer than the timeout would otherwise fail requests that were never sent.
  it("starts an attempt's timeout and the call's deadline only once the gate lets it through", async () => {
    const gate = new RateGate({ maxInFlight: 2 });
    await gate.acquire();
    gate.release(429, "1");
    const sentAt: number[] = [];
    const fetch = async () => {
      sentAt.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 20));
      return Response.json(ORDER);
    };
    const client = createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: "t",
      fetch: gatedFetch(gate, fetch),
      timeoutMs: 100,
      deadlineMs: 200,
    });
    const startedAt = Date.now();
    const answers = await Promise.all([get(client), get(client)]);
    expect(answers.map((a) => a.response.status)).toEqual([200, 200]);
    expect(Math.min(...sentAt) - startedAt).toBeGreaterThanOrEqual(900);
  });

  it("gives the slot back when an attempt fails, and ends a wait when the caller aborts", async () => {
    const gate = new RateGate({ maxInFlight: 1 });
    const fetch = async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    };
    const client = createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: "t",
      fetch: gatedFetch(gate, fetch),
      retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
    });
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
