import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config.js";
import { ConfigurationError } from "../../src/errors/index.js";

const creds = { clientKey: "key", apiToken: "tok-SECRET-123" };

function configError(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).not.toContain(creds.apiToken);
    return error as ConfigurationError;
  }
  throw new Error("expected a ConfigurationError");
}

describe("resolveConfig", () => {
  it.each([
    ["ap", "https://api-engage-ap.sitecorecloud.io"],
    ["eu", "https://api-engage-eu.sitecorecloud.io"],
    ["jp", "https://api-engage-jpe.sitecorecloud.io"],
    ["us", "https://api-engage-us.sitecorecloud.io"],
  ] as const)("maps region %s to %s", (region, baseUrl) => {
    expect(resolveConfig({ region, ...creds }, {}).baseUrl).toBe(baseUrl);
  });

  it("takes region and credentials from the environment", () => {
    const env = { CDP_REGION: " EU ", CDP_CLIENT_KEY: "env-key", CDP_API_TOKEN: "env-token" };
    expect(resolveConfig({}, env)).toEqual({
      baseUrl: "https://api-engage-eu.sitecorecloud.io",
      clientKey: "env-key",
      apiToken: "env-token",
    });
  });

  it("drops whitespace around the credentials, such as a secret file's line end", () => {
    const env = { CDP_REGION: "eu", CDP_CLIENT_KEY: "env-key\r\n", CDP_API_TOKEN: " env-token\n" };
    expect(resolveConfig({}, env)).toMatchObject({ clientKey: "env-key", apiToken: "env-token" });
    expect(resolveConfig({ region: "eu", clientKey: "k\n", apiToken: "\tt " }, {})).toMatchObject({
      clientKey: "k",
      apiToken: "t",
    });
  });

  it("prefers explicit options over the environment", () => {
    const env = { CDP_REGION: "eu", CDP_CLIENT_KEY: "env-key", CDP_API_TOKEN: "env-token" };
    expect(resolveConfig({ region: "us", clientKey: "k", apiToken: "t" }, env)).toEqual({
      baseUrl: "https://api-engage-us.sitecorecloud.io",
      clientKey: "k",
      apiToken: "t",
    });
  });

  it("lets an explicit baseUrl override CDP_REGION", () => {
    const config = resolveConfig({ baseUrl: "http://127.0.0.1:4010/", ...creds }, { CDP_REGION: "eu" });
    expect(config.baseUrl).toBe("http://127.0.0.1:4010");
  });

  it.each([
    [{}, /clientKey \(CDP_CLIENT_KEY\) and apiToken \(CDP_API_TOKEN\)/],
    [{ clientKey: "key" }, /^Missing credentials: apiToken \(CDP_API_TOKEN\)\.$/],
    [{ apiToken: creds.apiToken }, /^Missing credentials: clientKey \(CDP_CLIENT_KEY\)\.$/],
    [{ clientKey: "  ", apiToken: creds.apiToken }, /clientKey/],
  ])("rejects missing credentials %j", (partial, message) => {
    expect(configError(() => resolveConfig({ region: "eu", ...partial }, {})).message).toMatch(message);
  });

  it("rejects a client key with a colon, which would corrupt Basic auth", () => {
    configError(() => resolveConfig({ region: "eu", clientKey: "a:b", apiToken: creds.apiToken }, {}));
  });

  it("rejects an unknown region and names the valid ones", () => {
    const error = configError(() => resolveConfig({ ...creds }, { CDP_REGION: "mars" }));
    expect(error.message).toBe('Unknown region "mars"; expected one of ap, eu, jp, us.');
  });

  it("rejects a missing region", () => {
    expect(configError(() => resolveConfig({ ...creds }, {})).message).toMatch(/No region/);
  });

  it("rejects region and baseUrl together", () => {
    const error = configError(() => resolveConfig({ region: "eu", baseUrl: "https://x.test", ...creds }, {}));
    expect(error.message).toBe("Give either region or baseUrl, not both.");
  });

  it.each([
    ["http://cdp.example.com", /must use https/],
    ["http://10.0.0.5:4010", /must use https/],
    ["ftp://127.0.0.1", /must use https/],
    ["not a url", /not an absolute URL/],
    ["https://user:pass@cdp.test", /must not contain credentials/],
    ["https://cdp.test/?a=1", /query or fragment/],
  ])("rejects base URL %s", (baseUrl, message) => {
    expect(configError(() => resolveConfig({ baseUrl, ...creds }, {})).message).toMatch(message);
  });

  it.each(["https://key:tok-SECRET-123@cdp test", "https://key:tok/SECRET-123@cdp.test:99999"])(
    "quotes no part of an unparsable base URL that holds user info (%s)",
    (baseUrl) => {
      expect(configError(() => resolveConfig({ baseUrl, ...creds }, {})).message).toBe(
        "baseUrl is not an absolute URL.",
      );
    },
  );

  it.each([
    [{ timeoutMs: Infinity }, /^timeoutMs must be a number from 1 to 2147483647; got Infinity\.$/],
    [{ timeoutMs: 3e9 }, /^timeoutMs must be .* got 3000000000\.$/],
    [{ timeoutMs: 0 }, /^timeoutMs must be/],
    [{ timeoutMs: -5 }, /^timeoutMs must be/],
    [{ deadlineMs: Number.NaN }, /^deadlineMs must be .* got NaN\.$/],
    [{ retry: { maxRetries: 1.5 } }, /^retry\.maxRetries must be an integer from 0/],
    [{ retry: { maxRetries: -1 } }, /^retry\.maxRetries must be an integer/],
    [{ retry: { initialDelayMs: -1 } }, /^retry\.initialDelayMs must be a number from 0/],
    [{ retry: { maxDelayMs: Infinity } }, /^retry\.maxDelayMs must be/],
    [{ retry: { maxRetryAfterMs: "5" as unknown as number } }, /^retry\.maxRetryAfterMs must be .* got 5\.$/],
  ])("refuses timings a timer cannot keep: %o", (timings, message) => {
    expect(configError(() => resolveConfig({ baseUrl: "https://cdp.test", ...creds, ...timings }, {})).message).toMatch(
      message,
    );
  });

  // A caller without types: the wrong kind of option is refused when the client is made,
  // not met at the first call (a TypeError) or never (validation left on by "false").
  it.each([
    [{ retry: null }, "retry must be an object; got null."],
    [{ validateRequests: "false" }, "validateRequests must be a boolean; got string."],
    [{ fetch: "https://cdp.test" }, "fetch must be a function; got string."],
    [{ sleep: 5 }, "sleep must be a function; got number."],
    [{ logger: 5 }, "logger must be an object or function; got number."],
    [{ region: ["eu"], baseUrl: undefined }, "region must be a string; got object."],
    [{ apiToken: 12345 }, "apiToken must be a string; got number."],
  ])("refuses an option of the wrong kind: %o", (wrong, message) => {
    const error = configError(() => resolveConfig({ baseUrl: "https://cdp.test", ...creds, ...(wrong as object) }, {}));
    expect(error.message).toBe(message);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("12345");
  });

  it("accepts a logger that is a function with methods, as some logging libraries make them", () => {
    const logger = Object.assign(() => undefined, { debug: () => undefined });
    expect(resolveConfig({ baseUrl: "https://cdp.test", ...creds, logger }, {}).baseUrl).toBe("https://cdp.test");
  });

  it("accepts timings at the edges of what a timer keeps", () => {
    const timings = {
      timeoutMs: 1,
      deadlineMs: 2_147_483_647,
      retry: { maxRetries: 0, initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
    };
    expect(resolveConfig({ baseUrl: "https://cdp.test", ...creds, ...timings }, {}).baseUrl).toBe("https://cdp.test");
  });

  it.each([
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010"],
    ["http://127.8.9.10", "http://127.8.9.10"],
    ["http://localhost:8080/", "http://localhost:8080"],
    ["http://[::1]:4010", "http://[::1]:4010"],
    ["https://proxy.test/cdp/", "https://proxy.test/cdp"],
  ])("accepts base URL %s", (baseUrl, expected) => {
    expect(resolveConfig({ baseUrl, ...creds }, {}).baseUrl).toBe(expected);
  });
});
