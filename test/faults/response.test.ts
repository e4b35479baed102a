// The `response` a call hands back (and that `onResponse` middleware sees) is a Response
// the caller can still read, whatever the transport read from it first.
import { describe, expect, it, vi } from "vitest";
import {
  ApiError,
  ConnectionError,
  createOrderClient,
  ResponseParseError,
  unwrap,
  type ClientEvent,
} from "../../src/index.js";
import { example } from "../contract/examples.js";
import { json, withFaultServer, type FaultServer } from "./fault-server.js";

const ORDER = example("Order");
const NEW_ORDER = example("OrderRequest");
const orderRef = ORDER.ref;
const NOT_FOUND = { status: 404, code: 404, message: "no such order" };

const clientOf = (server: FaultServer) =>
  createOrderClient({ baseUrl: server.url, clientKey: "k", apiToken: "t", retry: { maxRetries: 0 } });

it("answers response.json() of a success with the data", () =>
  withFaultServer([json(200, ORDER)], async (server) => {
    const { data, response } = await clientOf(server).GET("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef } },
    });
    expect(data).toEqual(ORDER);
    expect(await response.json()).toEqual(ORDER);
  }));

// The transport reads each body once; the answer it hands on must still be readable.
it("answers response.json() of an error with the error body", () =>
  withFaultServer([json(404, NOT_FOUND)], async (server) => {
    const { error, response } = await clientOf(server).GET("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef } },
    });
    expect(error).toEqual(NOT_FOUND);
    expect([response.status, response.statusText, response.ok]).toEqual([404, "Not Found", false]);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(NOT_FOUND);
  }));

// `if (error)` must catch every error answer, whatever its body.
it("gives an error answer with an empty or non-JSON body an error made from its status, and unwrap its text", () =>
  withFaultServer(
    [
      { status: 401, headers: { "content-length": "0" } },
      { status: 404, headers: { "content-type": "application/json" }, body: "" },
      { status: 502, headers: { "content-type": "text/html" }, body: "<html>Bad Gateway</html>" },
      { status: 502, headers: { "content-type": "text/html" }, body: "<html>Bad Gateway</html>" },
    ],
    async (server) => {
      const client = clientOf(server);
      const read = () => client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
      expect((await read()).error).toEqual({ status: 401, code: 401, message: "HTTP 401 with an empty body" });
      const deleted = await client.DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
      expect(deleted.error).toEqual({ status: 404, code: 404, message: "HTTP 404 with an empty body" });
      const proxied = await read();
      expect(proxied.error).toEqual({
        status: 502,
        code: 502,
        message: "HTTP 502 with a body that is not a CDP error (text/html), in developerMessage",
        developerMessage: "<html>Bad Gateway</html>",
      });
      expect(await proxied.response.text()).toBe("<html>Bad Gateway</html>");
      const thrown = await unwrap(read()).catch((e: unknown) => e);
      expect(thrown).toMatchObject({ status: 502, body: undefined, bodyText: "<html>Bad Gateway</html>" });
    },
  ));

// JSON errors that lack what the spec's Error requires, which the types promise: a message
// is kept, with the missing status or code taken from the answer; without one, the error is
// made from the status, the JSON as its developerMessage.
it.each([
  [429, { message: "Too Many Requests" }, { status: 429, code: 429, message: "Too Many Requests" }],
  [503, { status: 503, message: "busy" }, { status: 503, code: 503, message: "busy" }],
  [
    400,
    { status: 400, code: "BAD_REQUEST", message: "no", developerMessage: "d" },
    { status: 400, code: 400, message: "no", developerMessage: "d" },
  ],
  [404, {}, undefined],
  [502, { error: "bad gateway" }, undefined],
  [500, [{ message: "a list" }], undefined],
])(
  "gives an error answer %i with JSON that is not a CDP error (%j) the fields its type promises",
  (status, body, expected) =>
    withFaultServer([json(status, body), json(status, body)], async (server) => {
      const { error } = await clientOf(server).GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
      expect(error).toEqual(
        expected ?? {
          status,
          code: status,
          message: `HTTP ${status} with a body that is not a CDP error (application/json), in developerMessage`,
          developerMessage: JSON.stringify(body),
        },
      );
      // unwrap reads the body as the API sent it, by ApiError's own rules.
      const thrown = (await unwrap(
        clientOf(server).GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }),
      ).catch((e: unknown) => e)) as ApiError;
      expect(thrown).toBeInstanceOf(ApiError);
      expect(thrown.status).toBe(status);
    }),
);

it("keeps a CDP error as the API sent it, its status a number or a name", () =>
  withFaultServer(
    [
      json(401, {
        status: "UNAUTHORIZED",
        code: 401,
        message: "Bad credentials",
        moreInfoUrl: "https://support.sitecore.com",
      }),
    ],
    async (server) => {
      const { error } = await clientOf(server).GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
      expect(error).toEqual({
        status: "UNAUTHORIZED",
        code: 401,
        message: "Bad credentials",
        moreInfoUrl: "https://support.sitecore.com",
      });
    },
  ));

it("keeps the text of a non-JSON error answer that middleware put in place, which cannot be read again", async () => {
  const client = createOrderClient({
    baseUrl: "https://cdp.test",
    clientKey: "k",
    apiToken: "t",
    fetch: async () => Response.json(ORDER),
  });
  client.use({
    onResponse: () =>
      new Response("<html>Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } }),
  });
  const { error, response } = await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
  expect(response.bodyUsed).toBe(true);
  expect(error).toMatchObject({ status: 502, developerMessage: "<html>Bad Gateway</html>" });
});

// Logging middleware clones answers; that must not break the call.
it("lets onResponse middleware clone the answer", () =>
  withFaultServer([json(404, NOT_FOUND)], async (server) => {
    const client = clientOf(server);
    const seen: unknown[] = [];
    client.use({
      async onResponse({ response }) {
        seen.push(await response.clone().json());
        return undefined;
      },
    });
    const { error } = await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    expect(error).toEqual(NOT_FOUND);
    expect(seen).toEqual([NOT_FOUND]);
  }));

it("hands back a standard Response whose body can be streamed, read as bytes and cloned", () =>
  withFaultServer([json(200, ORDER)], async (server) => {
    const { response } = await clientOf(server).GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    expect(response).toBeInstanceOf(Response);
    expect(response.url).toBe(`${server.url}/v2.1/orders/${orderRef}`);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect([response.status, response.statusText, response.ok]).toEqual([200, "OK", true]);
    const copy = response.clone();
    expect(copy).toBeInstanceOf(Response);
    expect([copy.status, copy.statusText, copy.headers.get("content-type")]).toEqual([
      200,
      "OK",
      response.headers.get("content-type"),
    ]);
    expect(await copy.text()).toBe(JSON.stringify(ORDER));
    expect(response.bodyUsed).toBe(false);
    const streamed = await new Response(response.body).text();
    expect(JSON.parse(streamed)).toEqual(ORDER);
    expect(response.bodyUsed).toBe(true);
    expect(new TextDecoder().decode(await copy.clone().arrayBuffer())).toBe(JSON.stringify(ORDER));
  }));

describe("a success body is read as the JSON it must be", () => {
  const clientAnswering = (answer: () => Response) =>
    createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: "t",
      retry: { maxRetries: 0 },
      fetch: async () => answer(),
    });
  const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

  // "Café" in Latin-1: decoded as it stands, it would come back as "Caf\uFFFD".
  it.each(["application/json; charset=iso-8859-1", "application/json"])(
    "refuses bytes that are not UTF-8 (%s), keeping what a POST sent",
    async (type) => {
      const client = clientAnswering(
        () =>
          new Response(latin1('{"ref":"r1","referenceId":"Café"}'), { status: 201, headers: { "content-type": type } }),
      );
      const error = await client.POST("/v2.1/orders", { body: NEW_ORDER }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseParseError);
      expect(error).toMatchObject({
        status: 201,
        message: expect.stringMatching(/a body that is not UTF-8, as JSON must be$/),
        sent: { method: "POST" },
      });
    },
  );

  it("keeps the text of an error answer that is not UTF-8, as a proxy's Latin-1 page may be", async () => {
    const client = clientAnswering(
      () =>
        new Response(latin1("<p>Café fermé</p>"), {
          status: 502,
          headers: { "content-type": "text/html; charset=iso-8859-1" },
        }),
    );
    const error = await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 502, bodyText: "<p>Caf\uFFFD ferm\uFFFD</p>" });
  });

  it("reads UTF-8 with a byte order mark, and the older JSON types", async () => {
    for (const type of ["text/json", "application/x-json", "text/x-json; charset=utf-8", "application/problem+json"]) {
      const client = clientAnswering(
        () =>
          new Response(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify(ORDER))]), {
            status: 200,
            headers: { "content-type": type },
          }),
      );
      expect(await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).toEqual(ORDER);
    }
  });

  it.each(["application/json-seq", "application/jsonl", "text/jsonp"])(
    "refuses %s, which only begins like a JSON type",
    async (type) => {
      const client = clientAnswering(
        () => new Response(JSON.stringify(ORDER), { status: 200, headers: { "content-type": type } }),
      );
      const error = await client
        .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "ResponseParseError", contentType: type });
    },
  );

  // Fetch joins a header sent twice with a comma; a quoted parameter may hold one too.
  it.each([
    [["application/json", "application/json; charset=utf-8"]],
    [["application/json", ""]],
    [["application/json", "*/*"]],
    [['application/json; profile="https://cdp.test/a,b"']],
  ])("reads a JSON answer whose Content-Type is %j", async (values) => {
    const headers = new Headers(values.map((value) => ["content-type", value] as [string, string]));
    const client = clientAnswering(() => new Response(JSON.stringify(ORDER), { status: 200, headers }));
    expect(await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).toEqual(ORDER);
  });

  // A body lost mid-read, when the wait before a retry would pass the deadline: the call
  // ends with the failure it met, not as an empty body (nor, for a DELETE, a success).
  it.each(["GET", "DELETE"] as const)(
    "ends a %s whose body could not be read, and that cannot wait for a retry, with ConnectionError",
    async (method) => {
      const lostMidBody = () =>
        new Response(
          new ReadableStream({
            start: (stream) => {
              stream.enqueue(new TextEncoder().encode('{"ref":'));
              stream.error(new TypeError("terminated"));
            },
          }),
          { status: 200, headers: { "content-type": "application/json" } },
        );
      const client = createOrderClient({
        baseUrl: "https://cdp.test",
        clientKey: "k",
        apiToken: "t",
        deadlineMs: 1_000,
        retry: { initialDelayMs: 5_000, maxDelayMs: 5_000 },
        fetch: async () => lostMidBody(),
      });
      const init = { params: { path: { orderRef } } };
      const error = await (method === "GET"
        ? client.GET("/v2.1/orders/{orderRef}", init)
        : client.DELETE("/v2.1/orders/{orderRef}", init)
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
    },
  );

  it("retries an answer whose body could not be read as the lost connection it is, whatever its Retry-After says", async () => {
    const answers = [
      new Response(new ReadableStream({ start: (stream) => stream.error(new TypeError("terminated")) }), {
        status: 200,
        headers: { "retry-after": "3600" },
      }),
      Response.json(ORDER),
    ];
    const reasons: unknown[] = [];
    const logger = {
      warn: (_: string, event: ClientEvent) => void reasons.push(event.type === "retry" ? event.reason : event.type),
    };
    const client = createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: "t",
      retry: { initialDelayMs: 1, maxDelayMs: 1 },
      logger,
      fetch: async () => answers.shift()!,
    });
    expect(await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }))).toEqual(ORDER);
    expect(reasons).toEqual(["connection"]);
  });

  it("names an empty Content-Type", async () => {
    const client = clientAnswering(
      () => new Response(JSON.stringify(ORDER), { status: 200, headers: { "content-type": "" } }),
    );
    const error = await client
      .GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/answered HTTP 200 with an empty Content-Type where JSON was expected$/);
  });

  it.each(["", "\n", "\r\n", "  "])("takes a DELETE answered 200 with %j as a success", async (body) => {
    const client = clientAnswering(
      () => new Response(body, { status: 200, headers: { "content-type": "application/json" } }),
    );
    const { data, error, response } = await client.DELETE("/v2.1/orders/{orderRef}", {
      params: { path: { orderRef } },
    });
    expect([data, error, response.status]).toEqual([undefined, undefined, 200]);
  });
});

it("answers a 204 with an empty body", () =>
  withFaultServer([{ status: 204 }], async (server) => {
    const { response } = await clientOf(server).DELETE("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    expect(await response.text()).toBe("");
  }));

it("gives a clone headers of its own", async () => {
  const client = createOrderClient({
    baseUrl: "https://cdp.test",
    clientKey: "k",
    apiToken: "t",
    fetch: async () => Response.json(ORDER, { headers: { "x-answer": "1" } }),
  });
  const { response } = await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
  const copy = response.clone();
  copy.headers.set("x-answer", "changed");
  expect([response.headers.get("x-answer"), copy.headers.get("x-answer")]).toEqual(["1", "changed"]);
});

// The fault server answers chunked (no Content-Length), which openapi-fetch would parse again from the text.
it("parses a success body once, whether or not it came with a Content-Length", () =>
  withFaultServer(
    [json(200, ORDER), json(200, ORDER, { "content-length": String(JSON.stringify(ORDER).length) })],
    async (server) => {
      const client = clientOf(server);
      const parse = vi.spyOn(JSON, "parse");
      try {
        for (const framing of ["chunked", "content-length"]) {
          parse.mockClear();
          const { data } = await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
          expect(data, framing).toEqual(ORDER);
          expect(
            parse.mock.calls.filter(([text]) => text === JSON.stringify(ORDER)),
            framing,
          ).toHaveLength(1);
        }
      } finally {
        parse.mockRestore();
      }
    },
  ));

it("keeps the caller's own parseAs", () =>
  withFaultServer([json(200, ORDER), json(200, ORDER)], async (server) => {
    const client = clientOf(server);
    const path = { orderRef };
    const { data: text } = await client.GET("/v2.1/orders/{orderRef}", { params: { path }, parseAs: "text" });
    expect(text).toBe(JSON.stringify(ORDER));
    const { data: stream } = await client.GET("/v2.1/orders/{orderRef}", { params: { path }, parseAs: "stream" });
    expect(JSON.parse(await new Response(stream).text())).toEqual(ORDER);
  }));

it("parses the success that onResponse middleware put in place of the answer", () =>
  withFaultServer([json(200, ORDER)], async (server) => {
    const client = clientOf(server);
    client.use({ onResponse: ({ response }) => new Response(response.body, response) });
    const { data } = await client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });
    expect(data).toEqual(ORDER);
  }));
