import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFetch } from "../../src/cli/node-fetch.js";
import { ConnectionError, createOrderClient, RequestAbortedError, unwrap } from "../../src/index.js";
import { freePort } from "../../scripts/prism.js";
import { FAKE_CREDENTIALS, startFakeCdp, type FakeCdp } from "../fake-cdp/server.js";

let fake: FakeCdp;
beforeAll(async () => {
  fake = await startFakeCdp();
});
afterAll(() => fake.close());

const client = (baseUrl = fake.url) => createOrderClient({ baseUrl, ...FAKE_CREDENTIALS, fetch: nodeFetch(2), retry: { maxRetries: 0 } });
const order = { referenceId: "NODE-FETCH", orderedAt: "2024-01-01T00:00:00Z", currencyCode: "EUR", price: 1 } as const;

describe("the CLI's node:http fetch", () => {
  it("carries method, headers and body both ways, and answers without a body on 204", async () => {
    const created = await unwrap(client().POST("/v2.1/orders", { body: order }));
    expect(created).toMatchObject(order);
    const { response } = await client().DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef: created.ref } } });
    expect(response.status).toBe(204);
    expect(fake.violations).toEqual([]);
  });

  it("reports a connection lost after sending as an outcome the client cannot know", async () => {
    fake.setFaults(() => ({ kind: "reset-after" }));
    try {
      const error = await unwrap(client().POST("/v2.1/orders", { body: order })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as ConnectionError).outcomeUnknown).toBe(true);
    } finally {
      fake.setFaults(undefined);
    }
  });

  it("reports a refused connection as certainly not sent", async () => {
    const error = await unwrap(client(`http://127.0.0.1:${await freePort()}`).POST("/v2.1/orders", { body: order })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).outcomeUnknown).toBe(false);
  });

  it("stops when the caller aborts", async () => {
    fake.setLatency(500);
    try {
      const call = client().GET("/v2.1/orders", { params: { query: { referenceId: "X" } }, signal: AbortSignal.timeout(50) });
      await expect(unwrap(call)).rejects.toBeInstanceOf(RequestAbortedError);
    } finally {
      fake.setLatency(0);
    }
  });
});
