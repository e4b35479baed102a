// Where the transport must know whether a request was processed, and say so: redirects of a
// POST or PATCH, aborts whatever their reason, a call's own fetch and options, and the errors
// of a custom fetch, which must not carry the credentials along.
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import {
  ConfigurationError,
  ConnectionError,
  InternalServerError,
  RedirectError,
  RequestAbortedError,
  createOrderClient,
  unwrap,
  NotFoundError,
} from "../../src/index.js";
import { example } from "../contract/examples.js";
import { json, withFaultServer, type FaultServer } from "./fault-server.js";

const ORDER = example("Order");
const orderRef = ORDER.ref;
const NEW_ORDER = example("OrderRequest");
const TOKEN = "secret-token-3141";
const clientOf = (server: FaultServer) =>
  createOrderClient({
    baseUrl: server.url,
    clientKey: "k",
    apiToken: TOKEN,
    retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 },
  });
const sent = (server: FaultServer) => server.requests.map((r) => `${r.method} ${new URL(r.url, server.url).pathname}`);

describe("a 301 or 302 to a POST or PATCH is neither followed nor repeated", () => {
  it.each([
    ["POST", 302],
    ["PATCH", 301],
  ] as const)("a %s answered %i ends with RedirectError, keeping what was sent", (method, status) =>
    withFaultServer(
      [{ redirectTo: "/v2.1/orders/o1", status }, json(503, { status: 503 }), json(201, ORDER)],
      async (server) => {
        const client = clientOf(server);
        const call =
          method === "POST"
            ? client.POST("/v2.1/orders", { body: NEW_ORDER })
            : client.PATCH("/v2.1/orders/{orderRef}", {
                params: { path: { orderRef } },
                body: { status: "CANCELLED" },
              });
        const error = await call.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedirectError);
        expect((error as Error).message).toMatch(
          new RegExp(
            `${status} to a ${method}, not followed: whether it was processed is unknown.*check whether it took effect`,
          ),
        );
        expect((error as RedirectError).sent).toMatchObject({ method });
        expect(server.attempts).toBe(1);
      },
    ),
  );

  it("a GET answered 302 is still followed", () =>
    withFaultServer([{ redirectTo: "/v2.1/orders/o1", status: 302 }, json(200, ORDER)], async (server) => {
      expect(await unwrap(clientOf(server).GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).toEqual(
        ORDER,
      );
      expect(sent(server)).toEqual([`GET /v2.1/orders/${orderRef}`, "GET /v2.1/orders/o1"]);
    }));
});

it("says a POST was processed when the GET after its 303 fails, and keeps what was sent", () =>
  withFaultServer(
    [{ redirectTo: "/v2.1/orders/o1", status: 303 }, json(503, { status: 503, message: "busy" }), json(201, ORDER)],
    async (server) => {
      const error = await unwrap(clientOf(server).POST("/v2.1/orders", { body: NEW_ORDER })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InternalServerError);
      expect((error as Error).message).toMatch(
        /^POST .* was processed \(the server answered 303 See Other\), but the GET that followed failed with HTTP 503 \(busy\)\. Do not send the POST again\.$/,
      );
      expect(error).toMatchObject({ status: 503, sent: { method: "POST", body: JSON.stringify(NEW_ORDER) } });
      expect(sent(server)).toEqual(["POST /v2.1/orders", "GET /v2.1/orders/o1"]);
    },
  ));

it("ends a redirect with credentials in its Location with RedirectError, without retrying", () =>
  withFaultServer(
    [(request) => ({ redirectTo: `http://user:pw@${request.headers.host}/v2.1/orders/o1` }), json(200, ORDER)],
    async (server) => {
      const error = await clientOf(server)
        .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as Error).message).toMatch(/a Location with a user name or password in it/);
      expect(server.attempts).toBe(1);
    },
  ));

// A server (or a proxy) that echoes the credentials into a Location: the error keeps where it
// pointed, never the credentials, whichever rule refused it.
it.each([
  ["to its own origin", (host: string) => `http://k:${TOKEN}@${host}/v2.1/orders/o1`, /a user name or password/],
  [
    "to another origin",
    () => `https://k:${TOKEN}@cdp.example/v2.1/orders/o1`,
    /another origin \(https:\/\/cdp\.example\)/,
  ],
  [
    "that is not a URL",
    (host: string) => `http://k:${TOKEN}@${host.replace(/:\d+$/, ":99999")}/v2.1/orders/o1`,
    /not a URL/,
  ],
  [
    "that is not a URL, with backslashes",
    (host: string) => `http:\\\\k:${TOKEN}@${host.replace(/:\d+$/, ":99999")}/v2.1/orders/o1`,
    /not a URL/,
  ],
  ["with a question mark in its password", (host: string) => `http://k:${TOKEN}?x@${host}/v2.1/orders/o1`, /./],
  ["that is a blob: URL around one with user info", () => `blob:https://k:${TOKEN}@cdp.example/v2.1/orders/o1`, /./],
] as const)("RedirectError keeps a Location %s without the credentials in it", (_, location, reason) =>
  withFaultServer([(request) => ({ redirectTo: location(request.headers.host!) })], async (server) => {
    const error = (await clientOf(server)
      .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
      .catch((e: unknown) => e)) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(reason);
    expect(error.location).toMatch(/\/v2\.1\/orders\/o1$/);
    for (const view of [error.message, error.location, JSON.stringify(error), inspect(error)])
      expect(view).not.toContain(TOKEN);
  }),
);

it("releases the body of every redirect answer, the one past the limit too", async () => {
  const cancelled: number[] = [];
  let answers = 0;
  const fetch = async () => {
    const index = ++answers;
    const body = new ReadableStream({ cancel: () => void cancelled.push(index) });
    return new Response(body, { status: 307, headers: { location: `/v2.1/orders/o${index}` } });
  };
  const client = createOrderClient({
    baseUrl: "https://cdp.test",
    clientKey: "k",
    apiToken: "t",
    fetch,
    retry: { maxRetries: 0 },
  });
  const error = await client
    .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
    .catch((e: unknown) => e);
  expect((error as Error).message).toMatch(/more than 5 redirects/);
  expect(cancelled).toEqual([1, 2, 3, 4, 5, 6]);
});

describe("an abort by the caller is RequestAbortedError, whatever its reason", () => {
  it("a POST in flight aborted with one of the client's own errors as reason", () =>
    withFaultServer([{ ...json(201, ORDER), delayFirstByteMs: 2_000 }], async (server) => {
      const caller = new AbortController();
      const reason = new NotFoundError({
        method: "GET",
        url: `${server.url}/x`,
        status: 404,
        headers: new Headers(),
        body: undefined,
      });
      setTimeout(() => caller.abort(reason), 100);
      const error = await clientOf(server)
        .POST("/v2.1/orders", { body: NEW_ORDER, signal: caller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect(error).toMatchObject({
        cause: reason,
        outcomeUnknown: true,
        sent: { method: "POST", body: JSON.stringify(NEW_ORDER) },
      });
    }));

  it("an aborted signal never reaches a custom fetch that would ignore it", async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(request.method);
      return Response.json(ORDER, { status: 201 });
    };
    const client = createOrderClient({ baseUrl: "https://cdp.test", clientKey: "k", apiToken: "t", fetch });
    const error = await client
      .POST("/v2.1/orders", { body: NEW_ORDER, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RequestAbortedError", outcomeUnknown: false, sent: undefined });
    expect(seen).toEqual([]);
  });

  it("a wait between attempts that a custom sleep does not end at the abort", async () => {
    let calls = 0;
    const fetch = async () => (++calls === 1 ? Response.json({ status: 503 }, { status: 503 }) : Response.json(ORDER));
    const caller = new AbortController();
    const sleep = async () => caller.abort(new Error("stop"));
    const client = createOrderClient({ baseUrl: "https://cdp.test", clientKey: "k", apiToken: "t", fetch, sleep });
    const error = await client
      .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, signal: caller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(calls).toBe(1);
  });
});

describe("a call's own fetch and options", () => {
  it("a call's fetch gets a standard Request with the credentials, and the client's retries", async () => {
    const seen: unknown[] = [];
    const fetch = async (request: Request) => {
      seen.push([request instanceof Request, request.headers.get("authorization")?.startsWith("Basic ")]);
      return seen.length < 3 ? Response.json({ status: 503 }, { status: 503 }) : Response.json(ORDER);
    };
    const client = createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: "t",
      retry: { initialDelayMs: 1, maxDelayMs: 2 },
    });
    const data = await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, fetch }));
    expect(data).toEqual(ORDER);
    expect(seen).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
  });

  it("options such as cache and keepalive reach fetch, with middleware registered or not", async () => {
    const seen: unknown[] = [];
    const fetch = async (request: Request) => {
      seen.push([request.cache, request.keepalive]);
      return Response.json(ORDER);
    };
    const client = createOrderClient({ baseUrl: "https://cdp.test", clientKey: "k", apiToken: "t", fetch });
    const init = { params: { path: { orderRef } }, cache: "no-store", keepalive: true } as const;
    await unwrap(client.GET("/v2.1/orders/{orderRef}", init));
    client.use({ onRequest: () => undefined });
    await unwrap(client.GET("/v2.1/orders/{orderRef}", init));
    expect(seen).toEqual([
      ["no-store", true],
      ["no-store", true],
    ]);
  });

  it("a framework's own option (Next.js's next) reaches the global fetch, with middleware registered or not", () =>
    withFaultServer([json(200, ORDER), json(200, ORDER)], async (server) => {
      const spy = vi.spyOn(globalThis, "fetch");
      try {
        const client = clientOf(server);
        const init = { params: { path: { orderRef } }, next: { revalidate: 60 } } as never;
        await unwrap(client.GET("/v2.1/orders/{orderRef}", init));
        client.use({ onRequest: () => undefined });
        await unwrap(client.GET("/v2.1/orders/{orderRef}", init));
        expect(spy.mock.calls.map((call) => (call[1] as { next?: unknown }).next)).toEqual([
          { revalidate: 60 },
          { revalidate: 60 },
        ]);
      } finally {
        spy.mockRestore();
      }
    }));

  it("the global fetch gets them too", () =>
    withFaultServer([json(200, ORDER)], async (server) => {
      const spy = vi.spyOn(globalThis, "fetch");
      try {
        await unwrap(
          clientOf(server).GET("/v2.1/orders/{orderRef}", {
            params: { path: { orderRef } },
            cache: "no-store",
            keepalive: true,
          }),
        );
        expect(spy.mock.calls[0]?.[1]).toMatchObject({ cache: "no-store", keepalive: true, redirect: "manual" });
      } finally {
        spy.mockRestore();
      }
    }));
});

it("keeps a custom fetch's error facts but not the Request it may hold", async () => {
  const fetch = async (request: Request) => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    throw Object.assign(new TypeError("request failed", { cause: reset }), {
      request,
      options: { headers: Object.fromEntries(request.headers) },
    });
  };
  const client = createOrderClient({
    baseUrl: "https://cdp.test",
    clientKey: "k",
    apiToken: TOKEN,
    fetch,
    retry: { maxRetries: 0 },
  });
  const error = await client
    .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectionError);
  const credentials = btoa(`k:${TOKEN}`);
  expect(inspect(error, { depth: 10 })).not.toContain(credentials);
  expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
  expect(error).toMatchObject({
    cause: { name: "TypeError", message: "request failed", cause: { message: "socket hang up", code: "ECONNRESET" } },
  });
});

it("counts a port fetch will not use as refused: nothing was sent", async () => {
  const client = createOrderClient({
    baseUrl: "http://127.0.0.1:10080",
    clientKey: "k",
    apiToken: "t",
    retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 2 },
  });
  const error = await client.POST("/v2.1/orders", { body: NEW_ORDER }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error).toMatchObject({ outcomeUnknown: false, attempts: 2, sent: undefined });
  expect((error as Error).message).toMatch(/could not connect/);
});

describe("nothing is sent, and nothing given is lost, at the edges of a turn, an option or a redirect", () => {
  it("a call option fetch refuses is a ConfigurationError, and nothing is sent or retried", () =>
    withFaultServer([json(200, ORDER)], async (server) => {
      const error = await clientOf(server)
        .POST("/v2.1/orders", { body: NEW_ORDER, cache: "only-if-cached" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(
        /^POST .* was not sent: fetch refuses its options \(.*only-if-cached.*\)\.$/,
      );
      expect(server.attempts).toBe(0);
    }));

  it("checks a call's options with its own method", () =>
    withFaultServer([{ status: 204 }], async (server) => {
      const error = await clientOf(server)
        .DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, mode: "no-cors" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(server.attempts).toBe(0);
    }));

  it.each([
    ["another origin", "https://elsewhere.example/v2.1/orders/o1"],
    ["a Location that is not a URL", "http://[bad"],
  ])("a 302 to a POST that points to %s keeps what was sent", (_, location) =>
    withFaultServer([{ redirectTo: location, status: 302 }], async (server) => {
      const error = await clientOf(server)
        .POST("/v2.1/orders", { body: NEW_ORDER })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ sent: { method: "POST", body: JSON.stringify(NEW_ORDER) } });
      expect((error as Error).message).toMatch(/check whether it took effect/);
    }),
  );

  it("keeps the facts of a custom fetch's rejection that is not an Error", async () => {
    const fetch = () =>
      Promise.reject({ code: "ECONNREFUSED", request: { headers: { authorization: "Basic secret" } } });
    const client = createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: TOKEN,
      fetch,
      retry: { maxRetries: 0 },
    });
    const error = await client
      .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConnectionError", message: expect.stringMatching(/could not connect/) });
    expect((error as Error).cause).toEqual({ code: "ECONNREFUSED" });
  });

  it("parses a replaced answer once when parseAs is given as undefined", () =>
    withFaultServer([json(200, ORDER)], async (server) => {
      const client = clientOf(server);
      client.use({ onResponse: () => new Response('"replaced"', { status: 200 }) });
      const { data } = await client.GET("/v2.1/orders/{orderRef}", {
        params: { path: { orderRef } },
        parseAs: undefined,
      } as never);
      expect(data).toBe("replaced");
    }));
});
