// --timeout through the commands' client: counted from when a request goes out (past its wait
// at the rate gate), and a request that runs out of it ends with a TimeoutError, as the import
// needs to know that a create may still take effect.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommandLine } from "../src/args.js";
import { createCliClient } from "../src/cli-client.js";
import { ConnectionError, paginate, TimeoutError, unwrap } from "sitecore-cdp-orders";
import { example } from "../../test/contract/examples.js";

const NEW_ORDER = example("OrderRequest");
const ENV = { CDP_CLIENT_KEY: "k", CDP_API_TOKEN: "t" };

let server: Server;
let url: string;
const received: string[] = [];
/** Paths whose requests are answered by a reset at once; every other request waits forever. */
const resetting = new Set(["/v2.1/orders/RESET"]);

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    if (resetting.has(request.url ?? "")) request.socket.destroy();
    else response.on("close", () => undefined);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

const clientWith = (...flags: string[]) =>
  createCliClient(parseCommandLine(["import", "x.ndjson", "--base-url", url, ...flags]).values, ENV, 2).client;

describe("the commands' client, with --timeout", () => {
  it("ends a create that gets no answer in time with a TimeoutError that keeps what was sent, and sends it once", async () => {
    received.length = 0;
    const startedAt = Date.now();
    const error = await unwrap(clientWith("--timeout", "0.2").POST("/v2.1/orders", { body: NEW_ORDER })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      name: "TimeoutError",
      method: "POST",
      operation: "POST /v2.1/orders",
      attempts: 1,
      outcomeUnknown: true,
      sent: { body: JSON.stringify(NEW_ORDER) },
    });
    expect((error as Error).message).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/v2\.1\/orders got no complete answer within the 200 ms attempt timeout after 1 attempt\. The server may have processed it/,
    );
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(190);
    expect(received).toEqual(["POST /v2.1/orders"]);
  });

  it("tries a read again after a timeout, and ends it with a TimeoutError that says nothing was changed", async () => {
    received.length = 0;
    const client = clientWith("--timeout", "0.1");
    const error = await unwrap(client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: "SLOW" } } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 3, outcomeUnknown: false, sent: undefined });
    expect(received).toEqual(Array(3).fill("GET /v2.1/orders/SLOW"));
  });

  it("gives a listing's timeout as a TimeoutError too", async () => {
    const listing = paginate(clientWith("--timeout", "0.05"), "/v2.1/orders", {
      params: { query: { referenceId: "R1" } },
    });
    await expect(listing.collect({ max: 10 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("leaves a lost connection a ConnectionError", async () => {
    const error = await unwrap(
      clientWith("--timeout", "5").GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: "RESET" } } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });
});
