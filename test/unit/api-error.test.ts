import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createApiError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../src/errors/index.js";

const request = {
  method: "GET",
  url: "https://api-engage-eu.sitecorecloud.io/v2.1/orders/o1",
  operation: "GET /v2.1/orders/{orderRef}",
};

function errorFor(status: number, body: unknown = {}) {
  return createApiError({ ...request, status, headers: new Headers({ "x-request": "1" }), body });
}

describe("createApiError", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [504, InternalServerError],
    [418, ApiError],
  ] as const)("maps HTTP %i to %o", (status, ErrorClass) => {
    const error = errorFor(status);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  it("builds a 401 for a request whose URL is unknown, saying so in the hint", () => {
    const error = createApiError({ method: "UNKNOWN", url: "", status: 401, headers: new Headers(), body: {} });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain("requests went to an unknown host");
  });

  it("parses the CDP error body with a numeric status", () => {
    const error = errorFor(400, {
      status: 400,
      code: 400,
      message: "firstName: may not be null.",
      developerMessage: "firstName: may not be null.",
      moreInfoUrl: "https://support.sitecore.com",
    });
    expect(error.body).toEqual({
      status: 400,
      code: 400,
      message: "firstName: may not be null.",
      developerMessage: "firstName: may not be null.",
      moreInfoUrl: "https://support.sitecore.com",
    });
    expect(error.code).toBe(400);
    expect(error.developerMessage).toBe("firstName: may not be null.");
    expect(error.message).toBe(
      "GET https://api-engage-eu.sitecorecloud.io/v2.1/orders/o1 failed with HTTP 400 (firstName: may not be null.)",
    );
    expect(error.operation).toBe("GET /v2.1/orders/{orderRef}");
    expect(error.headers).toEqual({ "x-request": "1" });
  });

  it("keeps the answer's headers with its cookies redacted, as the logger shows them", () => {
    const headers = new Headers({ "x-request": "1", "set-cookie": "session=abc", "set-cookie2": "legacy=abc" });
    const error = createApiError({
      method: "GET",
      url: "https://cdp.test/v2.1/orders/o1",
      status: 404,
      headers,
      body: {},
    });
    expect(error.headers).toEqual({ "x-request": "1", "set-cookie": "[redacted]", "set-cookie2": "[redacted]" });
    expect(JSON.stringify(error)).not.toMatch(/session=abc|legacy=abc/);
  });

  it("parses a string status and points a 401 at its likely causes", () => {
    const error = errorFor(401, {
      status: "UNAUTHORIZED",
      code: 401,
      message: "Authentication credentials are required.",
    });
    expect(error.body?.status).toBe("UNAUTHORIZED");
    expect(error.message).toMatch(/HTTP 401 \(UNAUTHORIZED: Authentication credentials are required\.\)/);
    expect(error.message).toMatch(/client key and API token/);
    expect(error.message).toMatch(/region matches your tenant \(requests went to api-engage-eu\.sitecorecloud\.io\)/);
  });

  it.each([
    ["", undefined],
    ["<html>oops</html>", "<html>oops</html>"],
    [[1, 2], "[1,2]"],
    [{ status: { nested: true }, message: 5 }, '{"status":{"nested":true},"message":5}'],
  ])("keeps a body that is not a CDP error body as text: %j", (body, text) => {
    const error = errorFor(502, body);
    expect(error.body).toBeUndefined();
    expect(error.bodyText).toBe(text);
    expect(error.message).toBe("GET https://api-engage-eu.sitecorecloud.io/v2.1/orders/o1 failed with HTTP 502");
  });

  it("cuts a long body text at 2,000 characters, and keeps none beside a CDP error body", () => {
    expect(errorFor(502, "x".repeat(5000)).bodyText).toHaveLength(2000);
    expect(errorFor(404, { status: 404, message: "Not found" }).bodyText).toBeUndefined();
  });

  it("serialises to plain data", () => {
    const error = errorFor(404, { status: 404, code: 404, message: "Not found" });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NotFoundError",
      message: error.message,
      status: 404,
      body: { status: 404, code: 404, message: "Not found" },
      ...request,
      headers: { "x-request": "1" },
    });
    expect(inspect(error)).toContain("NotFoundError");
  });
});
