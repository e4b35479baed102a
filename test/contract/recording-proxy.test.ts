// The recording proxy records what went over the wire, and what a target reports as a
// problem is seen: Prism's `sl-violations` header on a request that breaks the spec, the
// fake's own findings. Raw fetch, so nothing of the client is involved.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_CREDENTIALS } from "../helpers.js";
import { basicAuthorization, encodedPath, encodeSegment } from "./support/sent.js";
import { startRecordingProxy, type RecordingProxy } from "./support/recording-proxy.js";
import { AWKWARD_REFS, FAKE, PRISM } from "./support/targets.js";

const authorization = basicAuthorization(TEST_CREDENTIALS);

describe("The recording proxy in front of Prism", () => {
  let proxy: RecordingProxy;
  beforeAll(async () => {
    proxy = await startRecordingProxy(inject("prismUrl"));
  });
  afterAll(() => proxy.close());

  it("records the path as encoded, the query, the headers and the body, and Prism's answer", async () => {
    proxy.clear();
    const path = "/v2.1/orders/order%201%2F%C3%BC%3F%23%25%26%3D/orderItems";
    const body = { name: "Mobile AZ10", type: "MOBILE", price: 105, currencyCode: "EUR", status: "CONFIRMED" };
    const response = await fetch(`${proxy.url}${path}?limit=20&limit=30`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json", "x-extra": "1" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    await response.text();
    const [recorded, ...more] = proxy.recorded();
    expect(more).toEqual([]);
    expect(recorded).toMatchObject({
      method: "POST",
      path,
      search: "limit=20&limit=30",
      headers: { authorization, "content-type": "application/json", "x-extra": "1" },
      bodyText: JSON.stringify(body),
      body,
      response: { status: 201, headers: { "content-type": expect.stringContaining("application/json") } },
    });
  });

  it("the expected paths are percent-encoded from first principles", () => {
    expect(encodeSegment(AWKWARD_REFS.orderRef)).toBe("order%201%2F%C3%BC%3F%23%25%26%3D");
    expect(
      encodedPath("/v2.1/orderItems/{orderItemRef}/extensions/{dataExtensionName}", {
        orderItemRef: AWKWARD_REFS.orderItemRef,
        dataExtensionName: "ext",
      }),
    ).toBe("/v2.1/orderItems/item%201%2F%C3%A9%3F%23%25%2B/extensions/ext");
  });
});

describe("What a target reports as a problem", () => {
  it("Prism: a request that breaks the spec comes back with sl-violations, which the target reports", async () => {
    const prism = await PRISM.start();
    try {
      const ok = await fetch(`${prism.baseUrl}/v2.1/orders?referenceId=B94TXY-1`, { headers: { authorization } });
      expect(ok.status).toBe(200);
      await ok.text();
      expect(prism.problems()).toEqual([]);

      // limit is at least 10 in the spec.
      const bad = await fetch(`${prism.baseUrl}/v2.1/orders?referenceId=B94TXY-1&limit=5`, {
        headers: { authorization },
      });
      expect(bad.status).toBe(400);
      await bad.text();
      expect(prism.problems()).toEqual([expect.stringMatching(/^GET \/v2\.1\/orders: sl-violations .*"limit"/)]);
    } finally {
      await prism.stop();
    }
  });

  it("the fake: a request that breaks the spec is one of the fake's violations, which the target reports", async () => {
    const fake = await FAKE.start();
    try {
      const bad = await fetch(`${fake.baseUrl}/v2.1/orders?referenceId=B94TXY-1&limit=5`, {
        headers: { authorization: basicAuthorization(fake.credentials) },
      });
      expect(bad.status).toBe(400);
      await bad.text();
      expect(fake.problems()).toEqual([expect.stringContaining("limit")]);
    } finally {
      await fake.stop();
    }
  });
});
