// The fake against the spec it fakes: a route for every operation, the query read as the
// spec types it, and an answer that breaks the spec reported as the fake's bug.
import { ConnectionError, createOrderClient, unwrap } from "sitecore-cdp-orders";
import { FakeCdpBugError } from "sitecore-cdp-orders/testing";
import { describe, expect, it } from "vitest";
import { loadDereferencedSpec, operationsOf } from "../../scripts/spec.js";
import { createFakeCdpCore } from "../../src/testing/fake.js";
import { QUERY_TYPES } from "../../src/testing/operations.js";
import { ROUTES } from "../../src/testing/routes.js";
import { BASE_URL } from "./fake-client.js";

const SPEC = loadDereferencedSpec();

describe("the fake and the spec", () => {
  it("has a route for each of the spec's 38 operations, and no other", () => {
    const operations = operationsOf(SPEC).map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(operations).toHaveLength(38);
    expect(Object.keys(ROUTES).sort()).toEqual(operations.sort());
  });

  it("reads as integers and booleans exactly the query parameters the spec types so", () => {
    const typed: Record<string, string> = {};
    for (const { op, pathParameters } of operationsOf(SPEC)) {
      for (const parameter of [...pathParameters, ...(op.parameters ?? [])] as {
        in: string;
        name: string;
        schema?: { type?: string };
      }[]) {
        const type = parameter.schema?.type;
        if (parameter.in === "query" && (type === "integer" || type === "boolean")) typed[parameter.name] = type;
      }
    }
    expect(typed).toEqual(QUERY_TYPES);
  });

  it("rejects with FakeCdpBugError, saying it is the fake's bug, when its own answer breaks the spec", async () => {
    const core = createFakeCdpCore();
    // A record no valid request can make: the order's required fields are missing.
    const broken = core.state.createOrder({ referenceId: "BROKEN-1" });
    const read = core.fake.fetch(`${BASE_URL}/v2.1/orders/${broken.ref}`, {
      headers: { authorization: `Basic ${btoa("fake-client-key:fake-api-token")}` },
    });
    await expect(read).rejects.toBeInstanceOf(FakeCdpBugError);
    await expect(read).rejects.toThrow(
      /breaks the spec \(HTTP 200 of GET \/v2\.1\/orders\/\{orderRef\} breaks its schema: .*body\.currencyCode is required/,
    );
    await expect(read).rejects.toThrow(/This is a bug in the fake, not in the code under test\./);

    const cdp = createOrderClient({
      baseUrl: BASE_URL,
      clientKey: "fake-client-key",
      apiToken: "fake-api-token",
      retry: { maxRetries: 0 },
      fetch: core.fake.fetch,
    });
    const error = await unwrap(
      cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef: broken.ref } } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toMatchObject({ name: "FakeCdpBugError" });
  });
});
