import { describe, expect, it } from "vitest";
import { ensure } from "../src/import/steps.js";
import {
  ApiError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  TimeoutError,
} from "sitecore-cdp-orders";

const request = { method: "POST", url: "https://cdp.test/v2.1/orders", body: "{}" };
const lost = () => new ConnectionError("lost its connection", { request, attempts: 1, outcomeUnknown: true });
const refused = () => new ConnectionError("could not connect", { request, attempts: 1, outcomeUnknown: false });
const answer = (status: number) => ({
  method: "POST",
  url: request.url,
  status,
  headers: new Headers(),
  body: { status, code: status, message: "x" },
});
const options = { lookUpFirst: false, maxAttempts: 4, backoff: async () => {} };

/** A step whose create fails with the given errors in turn, then succeeds; `existing` is what a lookup finds. */
function scripted(failures: Error[], existing?: string) {
  const calls: string[] = [];
  return {
    calls,
    step: {
      name: "order",
      find: async () => {
        calls.push("find");
        return existing;
      },
      create: async () => {
        calls.push("create");
        const failure = failures.shift();
        if (failure) throw failure;
        return "created";
      },
    },
  };
}

describe("one step of a line", () => {
  it("after a create whose outcome is unknown, looks up before creating again, and takes what it finds", async () => {
    const { step, calls } = scripted([lost()], "existing");
    const found: string[] = [];
    expect(await ensure(step, options, found)).toBe("existing");
    expect(calls).toEqual(["create", "find"]);
    expect(found).toEqual(["order"]);
  });

  it.each([
    ["timed out", () => new TimeoutError("got no complete answer", { request, attempts: 1, outcomeUnknown: true })],
    ["got a 504", () => new InternalServerError(answer(504))],
    ["got a 408", () => new ApiError(answer(408))],
  ])(
    "does not create again when a create %s and the lookup finds nothing: the server may still apply it",
    async (_, failure) => {
      const error = failure();
      const { step, calls } = scripted([error]);
      await expect(ensure(step, options, [])).rejects.toBe(error);
      expect(calls).toEqual(["create", "find"]);
    },
  );

  it("takes what the lookup finds after a create timed out", async () => {
    const { step, calls } = scripted(
      [new TimeoutError("got no complete answer", { request, attempts: 1, outcomeUnknown: true })],
      "existing",
    );
    expect(await ensure(step, options, [])).toBe("existing");
    expect(calls).toEqual(["create", "find"]);
  });

  it("creates again after the lookup finds nothing", async () => {
    const { step, calls } = scripted([new InternalServerError(answer(500))]);
    expect(await ensure(step, options, [])).toBe("created");
    expect(calls).toEqual(["create", "find", "create"]);
  });

  it("creates again without a lookup after a failure that proves nothing happened", async () => {
    const { step, calls } = scripted([refused(), new RateLimitError(answer(429))]);
    expect(await ensure(step, options, [])).toBe("created");
    expect(calls).toEqual(["create", "create", "create"]);
  });

  it("gives up at once on an answer that repeating cannot change", async () => {
    const { step, calls } = scripted([new BadRequestError(answer(400))]);
    await expect(ensure(step, options, [])).rejects.toBeInstanceOf(BadRequestError);
    expect(calls).toEqual(["create"]);
  });

  it("gives up after the last attempt", async () => {
    const { step, calls } = scripted([refused(), refused(), refused(), refused(), refused()]);
    await expect(ensure(step, options, [])).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toEqual(Array(options.maxAttempts).fill("create"));
  });

  it("looks up first when asked to (on --resume)", async () => {
    const { step, calls } = scripted([], "existing");
    expect(await ensure(step, { ...options, lookUpFirst: true }, [])).toBe("existing");
    expect(calls).toEqual(["find"]);
  });
});
