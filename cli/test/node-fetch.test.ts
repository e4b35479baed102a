import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFetch } from "../src/node-fetch.js";
import {
  ConnectionError,
  createOrderClient,
  RequestAbortedError,
  ResponseParseError,
  unwrap,
} from "sitecore-cdp-orders";
import { freePort } from "../../scripts/prism.js";
import { FAKE_CREDENTIALS, startFakeCdp, type FakeCdp } from "../../test/fake-cdp/server.js";

let fake: FakeCdp;
beforeAll(async () => {
  fake = await startFakeCdp();
});
afterAll(() => fake.close());

const client = (baseUrl = fake.url) =>
  createOrderClient({ baseUrl, ...FAKE_CREDENTIALS, fetch: nodeFetch(2), retry: { maxRetries: 0 } });
const order = { referenceId: "NODE-FETCH", orderedAt: "2024-01-01T00:00:00Z", currencyCode: "EUR", price: 1 } as const;

describe("the CLI's node:http fetch", () => {
  it("carries method, headers and body both ways, and answers without a body on 204", async () => {
    const created = await unwrap(client().POST("/v2.1/orders", { body: order }));
    expect(created).toMatchObject(order);
    const { response } = await client().DELETE("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef: created.ref } },
    });
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
    const error = await unwrap(
      client(`http://127.0.0.1:${await freePort()}`).POST("/v2.1/orders", { body: order }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).outcomeUnknown).toBe(false);
  });

  it("stops when the caller aborts", async () => {
    fake.setLatency(500);
    try {
      const call = client().GET("/v2.1/orders", {
        params: { query: { referenceId: "X" } },
        signal: AbortSignal.timeout(50),
      });
      await expect(unwrap(call)).rejects.toBeInstanceOf(RequestAbortedError);
    } finally {
      fake.setLatency(0);
    }
  });
});

describe("the CLI's node:http fetch, on answers no Response can hold", () => {
  /** A raw server that answers every request with `status` and a small JSON body. */
  async function rawServer(
    status: number,
    reason = "Odd",
  ): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
    const { createServer } = await import("node:net");
    let hits = 0;
    const server = createServer((socket) => {
      socket.once("data", () => {
        hits++;
        socket.end(
          `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    return {
      url: `http://127.0.0.1:${port}`,
      hits: () => hits,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }

  it("ends a status outside 200–599 with ResponseParseError, sent once", async () => {
    const server = await rawServer(600);
    try {
      const cdp = createOrderClient({
        baseUrl: server.url,
        ...FAKE_CREDENTIALS,
        fetch: nodeFetch(2),
        retry: { maxRetries: 2, initialDelayMs: 1 },
      });
      const error = await cdp.GET("/v2.1/orders", { params: { query: { referenceId: "X" } } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseParseError);
      expect(error).toMatchObject({
        status: 600,
        contentType: "application/json",
        bodyStart: "{}",
        method: "GET",
        operation: "GET /v2.1/orders",
      });
      expect(server.hits()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("keeps a status text Response's constructor would refuse", async () => {
    const server = await rawServer(200, "O\x01K");
    try {
      const cdp = createOrderClient({ baseUrl: server.url, ...FAKE_CREDENTIALS, fetch: nodeFetch(1) });
      const { data, response } = await cdp.GET("/v2.1/orders", { params: { query: { referenceId: "X" } } });
      expect(data).toEqual({});
      expect(response.statusText).toBe("O\x01K");
      expect(server.hits()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("answers a 205 without a body", async () => {
    const server = await rawServer(205);
    try {
      const response = await nodeFetch(1)(new Request(`${server.url}/v2.1/orders`));
      expect(response.status).toBe(205);
      expect(response.body).toBeNull();
    } finally {
      await server.close();
    }
  });
});
