// The validators load on the first call; a load that fails (a chunk the network did not
// deliver) must not fail every call after it.
import { expect, it, vi } from "vitest";

it("loads the validators again after a failed load", async () => {
  let loads = 0;
  vi.doMock("../../src/validation/request-violations.js", async (importOriginal) => {
    if (++loads === 1) throw new Error("chunk not delivered");
    return importOriginal();
  });
  const { validateBeforeSending } = await import("../../src/validation/lazy.js");
  const parts = { path: { orderRef: "o1" } };
  await expect(validateBeforeSending("GET /v2.1/orders/{orderRef}", parts)).rejects.toThrow(
    /chunk not delivered|error when mocking/,
  );
  await expect(validateBeforeSending("GET /v2.1/orders/{orderRef}", parts)).resolves.toBeUndefined();
  // Loaded, the validators check at once: no promise, and a violation is thrown as it is found.
  expect(validateBeforeSending("GET /v2.1/orders/{orderRef}", parts)).toBeUndefined();
  expect(() => validateBeforeSending("GET /v2.1/orders/{orderRef}", { path: { orderRef: "" } })).toThrow(
    expect.objectContaining({ name: "RequestValidationError" }),
  );
  expect(loads).toBe(2);
});
