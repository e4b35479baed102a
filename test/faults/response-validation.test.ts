// validateResponses: "off" lets every answer through unchecked, "report" passes the data on
// and tells the logger once per distinct finding, "strict" throws ResponseValidationError.
// Each kind of drift is produced through an injected fetch; extra fields are not drift.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  type ClientEvent,
  ConfigurationError,
  createOrderClient,
  type ResponseValidation,
  ResponseValidationError,
  unwrap,
} from "../../src/index.js";
import { example } from "../contract/examples.js";

const ORDER = example("Order");
const orderRef = ORDER.ref;
const apiToken = "api-token-2718281828";

function clientWith(mode: ResponseValidation | undefined, answer: () => Response) {
  const events: ClientEvent[] = [];
  const log = (_: string, event: ClientEvent) => void events.push(event);
  const client = createOrderClient({
    baseUrl: "https://cdp.test",
    clientKey: "client-key-1",
    apiToken,
    fetch: async () => answer(),
    logger: { debug: log, warn: log, error: log },
    ...(mode === undefined ? {} : { validateResponses: mode }),
  });
  const drift = () => events.filter((e) => e.type === "responseDrift");
  return { client, drift };
}

const getOrder = (client: ReturnType<typeof clientWith>["client"]) =>
  client.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } });

const { referenceId: _, ...withoutReferenceId } = ORDER;
/** One answer per kind of drift, with the finding it must give. */
const DRIFTS: [string, () => Response, { path: string; rule: string }][] = [
  ["a missing required field", () => Response.json(withoutReferenceId), { path: "body.referenceId", rule: "required" }],
  ["a wrong type", () => Response.json({ ...ORDER, price: "12.50" }), { path: "body.price", rule: "type" }],
  [
    "an unlisted enum value",
    () => Response.json({ ...ORDER, status: "SHIPPED" }),
    { path: "body.status", rule: "enum" },
  ],
  ["an undocumented status", () => Response.json(ORDER, { status: 203 }), { path: "status", rule: "status" }],
];

describe.each([undefined, "off"] as const)("with validateResponses %s", (mode) => {
  it("passes a drifting answer on unchecked, and says nothing", async () => {
    const { client, drift } = clientWith(mode, () => Response.json({ ...ORDER, price: "12.50" }));
    expect(await unwrap(getOrder(client))).toEqual({ ...ORDER, price: "12.50" });
    expect(drift()).toEqual([]);
  });
});

describe('with validateResponses "report"', () => {
  it.each(DRIFTS)("passes the data on and reports %s at its path", async (_, answer, finding) => {
    const { client, drift } = clientWith("report", answer);
    const { data, response } = await getOrder(client);
    expect(data).toEqual(await answer().json());
    expect(drift()).toEqual([
      {
        type: "responseDrift",
        method: "GET",
        url: `https://cdp.test/v2.1/orders/${orderRef}`,
        operation: "GET /v2.1/orders/{orderRef}",
        status: response.status,
        violations: [expect.objectContaining(finding)],
      },
    ]);
  });

  it("reports each distinct finding once per client", async () => {
    let price: unknown = "12.50";
    const { client, drift } = clientWith("report", () => Response.json({ ...ORDER, price }));
    await getOrder(client);
    await getOrder(client);
    expect(drift()).toHaveLength(1);
    price = null;
    await getOrder(client);
    // The same path and rule: already reported.
    expect(drift()).toHaveLength(1);
    // Another finding of the same client is new.
    const other = clientWith("report", () => Response.json({ ...ORDER, currencyCode: 5 }));
    await getOrder(other.client);
    expect(other.drift().map((e) => (e as { violations: { path: string }[] }).violations[0]!.path)).toEqual([
      "body.currencyCode",
    ]);
    // A new client reports anew.
    const again = clientWith("report", () => Response.json({ ...ORDER, price: "12.50" }));
    await getOrder(again.client);
    expect(again.drift()).toHaveLength(1);
  });

  it("does not count fields the spec does not list as drift", async () => {
    const { client, drift } = clientWith("report", () => Response.json({ ...ORDER, loyaltyTier: "gold" }));
    expect((await getOrder(client)).data).toMatchObject({ loyaltyTier: "gold" });
    expect(drift()).toEqual([]);
  });

  it("checks a documented error answer too", async () => {
    const { client, drift } = clientWith("report", () => Response.json({ status: 404, code: "404" }, { status: 404 }));
    expect((await getOrder(client)).response.status).toBe(404);
    expect(drift().flatMap((e) => (e as { violations: { path: string }[] }).violations.map((v) => v.path))).toContain(
      "body.code",
    );
  });
});

describe('with validateResponses "strict"', () => {
  it.each(DRIFTS)("throws ResponseValidationError for %s", async (_, answer, finding) => {
    const { client } = clientWith("strict", answer);
    const error = await getOrder(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({
      operation: "GET /v2.1/orders/{orderRef}",
      status: answer().status,
      data: await answer().json(),
      violations: [expect.objectContaining(finding)],
    });
  });

  it("lets an answer that matches the spec through", async () => {
    const { client } = clientWith("strict", () => Response.json({ ...ORDER, extra: true }));
    expect(await unwrap(getOrder(client))).toEqual({ ...ORDER, extra: true });
  });

  it("carries no credentials a server echoed into the drifting body", async () => {
    const { client } = clientWith("strict", () => Response.json({ ...ORDER, price: `token ${apiToken}` }));
    const error = await getOrder(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const printed = [inspect(error, { depth: 10 }), JSON.stringify(error), (error as Error).message];
    for (const form of printed) expect(form).not.toContain(apiToken);
    expect((error as ResponseValidationError).data).toMatchObject({ price: "token [redacted]" });
  });
});

it("refuses a mode it does not know", () => {
  expect(() =>
    createOrderClient({
      baseUrl: "https://cdp.test",
      clientKey: "k",
      apiToken: "t",
      validateResponses: "loud" as ResponseValidation,
    }),
  ).toThrow(ConfigurationError);
});
