// Edges of the transport where a request could be repeated, sent malformed or sent where
// it should not go: each is refused or ended with a typed error, and the server log shows
// exactly what went out.
import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  ConnectionError,
  RedirectError,
  RequestAbortedError,
  RequestValidationError,
  ResponseParseError,
  TimeoutError,
  createOrderClient,
  unwrap,
} from "../../src/index.js";
import { example } from "../contract/examples.js";
import { json, withFaultServer, type FaultServer } from "./fault-server.js";

const ORDER = example("Order");
const orderRef = ORDER.ref;
const NEW_ORDER = example("OrderRequest");
const fastRetries = { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 };
const clientOf = (server: FaultServer, validateRequests = true) =>
  createOrderClient({
    baseUrl: server.url,
    clientKey: "k",
    apiToken: "secret-token",
    retry: fastRetries,
    validateRequests,
  });
const sent = (server: FaultServer) => server.requests.map((r) => `${r.method} ${new URL(r.url, server.url).pathname}`);

describe("after a 303 a POST or PATCH is never sent again", () => {
  it("ends with the answer to the follow-up GET, even one that would be retried", () =>
    withFaultServer(
      [{ redirectTo: "/v2.1/orders/o1", status: 303 }, json(503, { status: 503, message: "busy" }), json(200, ORDER)],
      async (server) => {
        const { response, error } = await clientOf(server).POST("/v2.1/orders", { body: NEW_ORDER });
        expect(response.status).toBe(503);
        expect(error).toMatchObject({ message: "busy" });
        expect(sent(server)).toEqual(["POST /v2.1/orders", "GET /v2.1/orders/o1"]);
      },
    ));

  it("reports a lost follow-up as a failure whose outcome is unknown, keeping what was sent", () =>
    withFaultServer(
      [{ redirectTo: "/v2.1/orders/o1", status: 303 }, { resetBeforeResponse: true }, json(200, ORDER)],
      async (server) => {
        const error = await unwrap(clientOf(server).POST("/v2.1/orders", { body: NEW_ORDER })).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConnectionError);
        expect(error).toMatchObject({
          attempts: 1,
          outcomeUnknown: true,
          sent: { method: "POST", body: JSON.stringify(NEW_ORDER) },
        });
        expect(sent(server)).toEqual(["POST /v2.1/orders", "GET /v2.1/orders/o1"]);
      },
    ));

  it("says a POST was processed, and keeps what was sent, when its 303 points to another origin", () =>
    withFaultServer([{ redirectTo: "https://elsewhere.example/v2.1/orders/o1", status: 303 }], async (server) => {
      const error = await clientOf(server)
        .POST("/v2.1/orders", { body: NEW_ORDER })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect((error as Error).message).toMatch(/another origin.*The POST was processed .*do not send it again\./);
      expect(error).toMatchObject({
        location: "https://elsewhere.example/v2.1/orders/o1",
        sent: { method: "POST", body: JSON.stringify(NEW_ORDER) },
      });
      expect(sent(server)).toEqual(["POST /v2.1/orders"]);
    }));

  it("still repeats an idempotent request whose follow-up gets an answer worth retrying", () =>
    withFaultServer(
      [
        { redirectTo: "/v2.1/orders/o1", status: 303 },
        json(503, { status: 503, message: "busy" }),
        { redirectTo: "/v2.1/orders/o1", status: 303 },
        json(200, ORDER),
      ],
      async (server) => {
        const data = await unwrap(
          clientOf(server).PUT("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, body: NEW_ORDER }),
        );
        expect(data).toEqual(ORDER);
        expect(sent(server)).toEqual([
          `PUT /v2.1/orders/${orderRef}`,
          "GET /v2.1/orders/o1",
          `PUT /v2.1/orders/${orderRef}`,
          "GET /v2.1/orders/o1",
        ]);
      },
    ));
});

describe("a redirect without a Location", () => {
  it("to a POST still says it was processed (303) or may have been (302), keeping what was sent", async () => {
    for (const [status, said] of [
      [303, /The POST was processed .*do not send it again\./],
      [302, /may have processed it/],
    ] as const) {
      await withFaultServer([json(status, {}), json(201, ORDER)], async (server) => {
        const error = await clientOf(server)
          .POST("/v2.1/orders", { body: NEW_ORDER })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedirectError);
        expect((error as Error).message).toMatch(new RegExp(`answered with a ${status} without a Location\\.`));
        expect((error as Error).message).toMatch(said);
        expect(error).toMatchObject({ location: "", sent: { method: "POST", body: JSON.stringify(NEW_ORDER) } });
        expect(sent(server)).toEqual(["POST /v2.1/orders"]);
      });
    }
  });

  it("to a GET is returned as the answer it is", () =>
    withFaultServer([json(302, { status: 302, message: "moved" }), json(200, ORDER)], async (server) => {
      const { response, error } = await clientOf(server).GET("/v2.1/orders/{orderRef}", {
        params: { path: { orderRef } },
      });
      expect(response.status).toBe(302);
      expect(error).toMatchObject({ message: "moved" });
      expect(server.attempts).toBe(1);
    }));
});

it("refuses a redirect whose Location is not a URL, without retrying", () =>
  withFaultServer([{ redirectTo: "http://[bad" }, json(200, ORDER)], async (server) => {
    const error = await clientOf(server)
      .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ location: "http://[bad" });
    expect((error as Error).message).toMatch(/a Location that is not a URL/);
    expect(server.attempts).toBe(1);
  }));

it("ends an answer with a status outside 200–599 with ResponseParseError, without retrying", () =>
  withFaultServer([json(600, ORDER), json(200, ORDER)], async (server) => {
    const error = await clientOf(server)
      .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ status: 600 });
    expect(server.attempts).toBe(1);
  }));

it("returns a complete answer whose status text is not plain ASCII, sent once", () =>
  withFaultServer([{ ...json(201, ORDER), statusText: "Créé" }, json(201, ORDER)], async (server) => {
    const { data, response } = await clientOf(server).POST("/v2.1/orders", { body: NEW_ORDER });
    expect(data).toEqual(ORDER);
    expect(response.status).toBe(201);
    expect(response.statusText).toMatch(/^Cr/);
    expect(await response.clone().json()).toEqual(ORDER);
    expect(server.attempts).toBe(1);
  }));

it.each([
  ["HEAD", 200],
  ["DELETE", 205],
] as const)("takes a %s answered %i with no body as a success", (method, status) =>
  withFaultServer([{ status, headers: { "content-type": "application/json" } }], async (server) => {
    const { data, error, response } = await clientOf(server).request(
      method.toLowerCase() as "delete",
      "/v2.1/orders/{orderRef}",
      { params: { path: { orderRef } } },
    );
    expect(response.status).toBe(status);
    expect(error).toBeUndefined();
    expect(data).toBeUndefined();
    expect(server.attempts).toBe(1);
  }),
);

it("keeps the default of every retry option given as undefined", () =>
  withFaultServer([json(503, {}), json(503, {}), json(503, {}), json(503, {}), json(200, ORDER)], async (server) => {
    const client = createOrderClient({
      baseUrl: server.url,
      clientKey: "k",
      apiToken: "t",
      retry: { maxRetries: undefined, initialDelayMs: 1, maxDelayMs: undefined, maxRetryAfterMs: undefined },
    } as never);
    const { response } = await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    // The default of 2 retries: three attempts, the last answer returned.
    expect(response.status).toBe(503);
    expect(server.attempts).toBe(3);
  }));

describe("requests that cannot be sent as given are refused before anything goes out", () => {
  it.each([
    ["GET", "no middleware"],
    ["GET", "middleware registered"],
    ["HEAD", "middleware registered"],
  ] as const)("a %s with a body (%s)", (method, setup) =>
    withFaultServer([json(200, ORDER)], async (server) => {
      const client = clientOf(server, false);
      if (setup === "middleware registered") client.use({ onRequest: () => undefined });
      const init = { params: { path: { orderRef } }, body: { referenceId: "x" } } as unknown as {
        params: { path: { orderRef: string } };
      };
      const error = await client
        .request(method.toLowerCase() as "get", "/v2.1/orders/{orderRef}", init as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error).toMatchObject({
        operation: `${method} /v2.1/orders/{orderRef}`,
        violations: [{ path: "body", rule: "noBody" }],
      });
      expect(server.attempts).toBe(0);
    }),
  );

  it.each([
    ["no init", undefined],
    ["no params", {}],
    ["no path parameters", { params: {} }],
  ])("a path template without its parameters (%s), with validation off", (_, init) =>
    withFaultServer([{ status: 204 }], async (server) => {
      const error = await clientOf(server, false)
        .DELETE("/v2.1/orders/{orderRef}", init as unknown as { params: { path: { orderRef: string } } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error).toMatchObject({ violations: [{ path: "path.orderRef", rule: "pathSegment" }] });
      expect(server.attempts).toBe(0);
    }),
  );

  it("a per-call baseUrl that the client itself would refuse", () =>
    withFaultServer([json(200, ORDER)], async (server) => {
      const client = clientOf(server);
      for (const baseUrl of ["http://cdp.example.com", "https://k:secret-token@cdp.example.com"]) {
        const error = await client
          .GET("/v2.1/orders/{orderRef}", { baseUrl, params: { path: { orderRef } } })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(String(error)).not.toContain("secret-token");
      }
      expect(server.attempts).toBe(0);
    }));
});

it("sends to a per-call baseUrl that passes the client's checks", () =>
  withFaultServer([json(200, ORDER)], async (other) => {
    const client = createOrderClient({ baseUrl: "https://cdp.invalid", clientKey: "k", apiToken: "t" });
    const { data } = await client.GET("/v2.1/orders/{orderRef}", {
      baseUrl: `${other.url}/`,
      params: { path: { orderRef } },
    });
    expect(data).toEqual(ORDER);
    expect(sent(other)).toEqual([`GET /v2.1/orders/${orderRef}`]);
  }));

it("lets many calls share one signal without a MaxListenersExceededWarning, and aborts them all", () =>
  withFaultServer(
    Array.from({ length: 12 }, () => ({ ...json(200, ORDER), delayFirstByteMs: 5_000 })),
    async (server) => {
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on("warning", onWarning);
      try {
        const controller = new AbortController();
        const client = clientOf(server);
        const calls = Array.from({ length: 12 }, () =>
          client
            .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, signal: controller.signal })
            .catch((e: unknown) => e),
        );
        while (server.attempts < 12) await new Promise((resolve) => setTimeout(resolve, 10));
        controller.abort(new Error("enough"));
        const outcomes = await Promise.all(calls);
        expect(outcomes.map((e) => (e as Error).name)).toEqual(Array(12).fill("RequestAbortedError"));
        await new Promise((resolve) => setImmediate(resolve));
        expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
      } finally {
        process.off("warning", onWarning);
      }
    },
  ));

describe("a custom fetch that ignores its signal is not waited for past a timeout or an abort", () => {
  const never = new Promise<Response>(() => {});
  const clientWith = (fetch: (request: Request) => Promise<Response>) =>
    createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: "t",
      fetch,
      timeoutMs: 50,
      retry: { maxRetries: 0 },
    });
  const get = (client: ReturnType<typeof clientWith>, signal?: AbortSignal) =>
    client
      .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, signal: signal ?? null })
      .catch((e: unknown) => e);

  it("ends an answer that never comes with TimeoutError", async () => {
    expect(await get(clientWith(() => never))).toBeInstanceOf(TimeoutError);
  });

  it("ends a body that stops coming with TimeoutError", async () => {
    const stalled = () =>
      Promise.resolve(
        new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"ref":')) }), {
          headers: { "content-type": "application/json" },
        }),
      );
    expect(await get(clientWith(stalled))).toBeInstanceOf(TimeoutError);
  });

  it("ends the call when the caller aborts", async () => {
    const client = createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: "t",
      fetch: () => never,
    });
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 20);
    expect(await get(client, caller.signal)).toBeInstanceOf(RequestAbortedError);
  });
});

describe("values that cannot be encoded are refused with a typed error, and nothing is sent", () => {
  const cut = "ORDER-\ud83d";
  it.each([true, false])("a lone surrogate in a path or query parameter (validation %s)", (validateRequests) =>
    withFaultServer([json(200, ORDER)], async (server) => {
      const client = clientOf(server, validateRequests);
      const inPath = await client
        .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: cut } } })
        .catch((e: unknown) => e);
      expect(inPath).toBeInstanceOf(RequestValidationError);
      expect(inPath).toMatchObject({
        operation: "GET /v2.1/orders/{orderRef}",
        violations: [{ path: "path.orderRef", rule: "pathSegment" }],
      });
      const inQuery = await client
        .GET("/v2.1/orders", { params: { query: { referenceId: cut } } })
        .catch((e: unknown) => e);
      expect(inQuery).toBeInstanceOf(RequestValidationError);
      expect(inQuery).toMatchObject({
        operation: "GET /v2.1/orders",
        violations: [{ path: "query.referenceId", rule: "wellFormed" }],
      });
      const dots = await client
        .DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef: ".." } } })
        .catch((e: unknown) => e);
      expect(dots).toMatchObject({
        operation: "DELETE /v2.1/orders/{orderRef}",
        violations: [{ path: "path.orderRef", rule: "pathSegment" }],
      });
      expect((dots as Error).message).toMatch(/^DELETE \/v2\.1\/orders\/\{orderRef\} was not sent/);
      expect(server.attempts).toBe(0);
    }),
  );

  it("a body JSON cannot encode", () =>
    withFaultServer([json(201, ORDER)], async (server) => {
      const circular: Record<string, unknown> = { ...NEW_ORDER };
      circular.self = circular;
      const error = await clientOf(server, false)
        .POST("/v2.1/orders", { body: circular as never })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error).toMatchObject({ operation: "POST /v2.1/orders", violations: [{ path: "body", rule: "json" }] });
      expect(server.attempts).toBe(0);
    }));
});

it("takes a 205 that announces a body it does not carry as a bodiless success", async () => {
  const client = createOrderClient({
    baseUrl: "https://cdp.test",
    clientKey: "k",
    apiToken: "t",
    fetch: async () =>
      new Response(null, { status: 205, headers: { "content-type": "application/json", "content-length": "2" } }),
  });
  const { data, error, response } = await client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
  expect([response.status, data, error]).toEqual([205, undefined, undefined]);
});

it("sends the request, and returns its answer, when the logger throws", () =>
  withFaultServer([json(201, ORDER)], async (server) => {
    const broken = () => {
      throw new Error("logger broke");
    };
    const client = createOrderClient({
      baseUrl: server.url,
      clientKey: "k",
      apiToken: "t",
      logger: { debug: broken, warn: broken, error: broken },
    });
    const { data } = await client.POST("/v2.1/orders", { body: NEW_ORDER });
    expect(data).toEqual(ORDER);
    expect(server.attempts).toBe(1);
  }));

it("keeps an error answer's HTML body as text on the error", () =>
  withFaultServer(
    [{ status: 404, headers: { "content-type": "text/html" }, body: "<html><h1>404 from the proxy</h1></html>" }],
    async (server) => {
      const error = await unwrap(
        clientOf(server).GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }),
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: "NotFoundError",
        body: undefined,
        bodyText: "<html><h1>404 from the proxy</h1></html>",
      });
    },
  ));

describe("errors off the HTTP error path name the request, and keep what was sent when it may have been processed", () => {
  it("a POST's unreadable success keeps what was sent; a GET's names the request", () =>
    withFaultServer(
      [
        { status: 201, headers: { "content-type": "text/html" }, body: "<html>created</html>" },
        { status: 200, headers: { "content-type": "text/html" }, body: "<html/>" },
      ],
      async (server) => {
        const client = clientOf(server);
        const post = await client.POST("/v2.1/orders", { body: NEW_ORDER }).catch((e: unknown) => e);
        expect(post).toBeInstanceOf(ResponseParseError);
        expect(post).toMatchObject({
          method: "POST",
          operation: "POST /v2.1/orders",
          sent: { body: JSON.stringify(NEW_ORDER) },
        });
        const get = await client
          .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
          .catch((e: unknown) => e);
        expect(get).toMatchObject({
          name: "ResponseParseError",
          method: "GET",
          operation: "GET /v2.1/orders/{orderRef}",
          sent: undefined,
        });
      },
    ));

  it("a redirect error names the request", () =>
    withFaultServer([{ redirectTo: "https://elsewhere.example/v2.1/orders/o1" }], async (server) => {
      const error = await clientOf(server)
        .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: "RedirectError",
        method: "GET",
        url: `${server.url}/v2.1/orders/${orderRef}`,
        operation: "GET /v2.1/orders/{orderRef}",
      });
    }));

  it.each([
    ["POST", true],
    ["GET", false],
  ] as const)("a %s the caller aborts while it is in flight (outcome unknown: %s)", (method, unknown) =>
    withFaultServer([{ ...json(201, ORDER), delayFirstByteMs: 2_000 }], async (server) => {
      const caller = new AbortController();
      setTimeout(() => caller.abort(), 100);
      const call =
        method === "POST"
          ? clientOf(server).POST("/v2.1/orders", { body: NEW_ORDER, signal: caller.signal })
          : clientOf(server).GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } }, signal: caller.signal });
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect(error).toMatchObject({
        method,
        outcomeUnknown: unknown,
        sent: unknown ? { method, body: JSON.stringify(NEW_ORDER) } : undefined,
      });
      expect((error as Error).message.includes("may have processed")).toBe(unknown);
    }),
  );

  it("a POST whose signal was aborted before it started sent nothing, and says so", () =>
    withFaultServer([json(201, ORDER)], async (server) => {
      const error = await clientOf(server)
        .POST("/v2.1/orders", { body: NEW_ORDER, signal: AbortSignal.abort() })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: "RequestAbortedError",
        outcomeUnknown: false,
        sent: undefined,
        operation: "POST /v2.1/orders",
      });
      expect(server.attempts).toBe(0);
    }));
});

it("ignores a logger whose methods return a rejected promise", () =>
  withFaultServer([json(201, ORDER)], async (server) => {
    const rejecting = async () => {
      throw new Error("log sink down");
    };
    const client = createOrderClient({
      baseUrl: server.url,
      clientKey: "k",
      apiToken: "t",
      logger: { debug: rejecting, warn: rejecting, error: rejecting },
    });
    expect((await client.POST("/v2.1/orders", { body: NEW_ORDER })).data).toEqual(ORDER);
    await new Promise((resolve) => setTimeout(resolve, 10)); // an unhandled rejection would fail the run
  }));
