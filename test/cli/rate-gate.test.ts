import { describe, expect, it } from "vitest";
import { gatedFetch, RateGate } from "../../src/cli/rate-gate.js";

describe("the rate gate", () => {
  it("holds every request back for the Retry-After of a 429 seen by any one", async () => {
    const gate = new RateGate({ maxInFlight: 4 });
    await gate.acquire();
    const startedAt = Date.now();
    gate.release(429, "1");
    const waited = await Promise.all([1, 2, 3].map(async () => {
      await gate.acquire();
      const at = Date.now() - startedAt;
      gate.release(200);
      return at;
    }));
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
    const send = gatedFetch(gate, async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return new Response("{}", { status: 200 });
    });
    await Promise.all(Array.from({ length: 12 }, () => send(new Request("http://127.0.0.1/"))));
    expect(most).toBe(3);
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
