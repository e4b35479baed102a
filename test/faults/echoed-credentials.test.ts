// A server, a gateway or a debugging proxy may echo the credentials back: the Authorization
// value in a body, the token in a message, key:token's base64 in a header or a Location.
// None of them may reach an error (its message, body, developerMessage, headers, printed
// forms) or a log event.
import { inspect } from "node:util";
import { expect, it } from "vitest";
import {
  ApiError,
  type ClientEvent,
  createOrderClient,
  RedirectError,
  ResponseParseError,
  unwrap,
} from "../../src/index.js";
import { example } from "../contract/examples.js";

const clientKey = "client-key-5150";
const apiToken = "api-token-8675309-abcdef";
const basic = btoa(`${clientKey}:${apiToken}`);
const SECRETS = [apiToken, `${clientKey}:${apiToken}`, basic, `Basic ${basic}`];
const ORDER = example("Order");
const orderRef = ORDER.ref;

/** Every secret found in any printed form of `value`. */
function leaks(value: unknown): string[] {
  const forms = [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? "", String(value)];
  if (value instanceof Error) forms.push(value.message, String(value.stack));
  return SECRETS.filter((secret) => forms.some((form) => form.includes(secret)));
}

function clientAnswering(answer: () => Response) {
  const events: ClientEvent[] = [];
  const log = (_: string, event: ClientEvent) => void events.push(event);
  const client = createOrderClient({
    baseUrl: "https://cdp.test",
    clientKey,
    apiToken,
    retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
    fetch: async () => answer(),
    logger: { debug: log, warn: log, error: log },
  });
  return { client, events };
}

const get = (client: ReturnType<typeof clientAnswering>["client"]) =>
  client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });

it("finds what it looks for (the search itself works)", () => {
  expect(leaks(new Error(`token ${apiToken}`))).toEqual([apiToken]);
  expect(leaks({ header: `Basic ${basic}` })).toEqual([basic, `Basic ${basic}`]);
});

it("keeps a CDP error body that echoes them out of the result's error, the typed error and the log", async () => {
  const { client, events } = clientAnswering(() =>
    Response.json(
      {
        status: 503,
        code: 503,
        message: `token ${apiToken} is busy`,
        developerMessage: `request had Authorization: Basic ${basic} (${clientKey}:${apiToken})`,
      },
      { status: 503, headers: { "x-echo": `Basic ${basic}`, "www-authenticate": `Basic realm="${apiToken}"` } },
    ),
  );
  const result = await get(client);
  expect(result.error).toMatchObject({ message: "token [redacted] is busy" });
  expect(leaks(result.error)).toEqual([]);
  const error = await unwrap(get(client)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).developerMessage).toBe("request had Authorization: [redacted] ([redacted])");
  expect((error as ApiError).headers["x-echo"]).toBe("[redacted]");
  expect(leaks(error)).toEqual([]);
  // Two attempts each: their request and retry events, none carrying a secret.
  expect(events.filter((e) => e.type === "retry")).toHaveLength(2);
  expect(leaks(events)).toEqual([]);
});

it("keeps a body that is not a CDP error out of bodyText and the made-up error's developerMessage", async () => {
  const page = `<html>Denied for ${clientKey}:${apiToken}</html>`;
  const { client } = clientAnswering(
    () => new Response(page, { status: 403, headers: { "content-type": "text/html" } }),
  );
  const result = await get(client);
  expect(result.error).toMatchObject({ developerMessage: "<html>Denied for [redacted]</html>" });
  const error = await unwrap(get(client)).catch((e: unknown) => e);
  expect((error as ApiError).bodyText).toBe("<html>Denied for [redacted]</html>");
  expect(leaks(result.error)).toEqual([]);
  expect(leaks(error)).toEqual([]);
});

it("keeps a success body that is not JSON out of ResponseParseError's bodyStart and the error event", async () => {
  const { client, events } = clientAnswering(
    () => new Response(`oops ${basic}`, { status: 200, headers: { "content-type": "text/plain" } }),
  );
  const error = await get(client).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ResponseParseError);
  expect((error as ResponseParseError).bodyStart).toBe("oops [redacted]");
  expect(leaks(error)).toEqual([]);
  expect(events.some((e) => e.type === "error")).toBe(true);
  expect(leaks(events)).toEqual([]);
});

it("keeps a Location that carries the token out of RedirectError and the error event", async () => {
  const { client, events } = clientAnswering(
    () => new Response(null, { status: 302, headers: { location: `https://elsewhere.test/?token=${apiToken}` } }),
  );
  const error = await get(client).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RedirectError);
  expect((error as RedirectError).location).toBe("https://elsewhere.test/?token=[redacted]");
  expect(leaks(error)).toEqual([]);
  expect(leaks(events)).toEqual([]);
});
