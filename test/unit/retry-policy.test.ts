import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, parseRetryAfter, retryDelay, shouldRetry, type AttemptOutcome } from "../../src/index.js";

const status = (code: number): AttemptOutcome => ({ kind: "status", status: code });

describe("shouldRetry", () => {
  // [outcome, GET, PUT, DELETE, POST, PATCH]
  const table: [string, AttemptOutcome, boolean, boolean][] = [
    ["connection refused", { kind: "refused" }, true, true],
    ["connection reset", { kind: "connection" }, true, false],
    ["timeout", { kind: "timeout" }, true, false],
    ["408", status(408), true, false],
    ["429", status(429), true, true],
    ["500", status(500), true, false],
    ["502", status(502), true, false],
    ["503", status(503), true, true],
    ["504", status(504), true, false],
    ["200", status(200), false, false],
    ["400", status(400), false, false],
    ["401", status(401), false, false],
    ["404", status(404), false, false],
    ["409", status(409), false, false],
    ["501", status(501), false, false],
  ];
  it.each(table)("%s: idempotent methods %s, POST and PATCH %s", (_, outcome, idempotent, unsafe) => {
    for (const method of ["GET", "PUT", "DELETE", "get"]) expect(shouldRetry(method, outcome)).toBe(idempotent);
    for (const method of ["POST", "PATCH"]) expect(shouldRetry(method, outcome)).toBe(unsafe);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-27T10:00:00Z");
  it.each([
    ["5", 5000],
    [" 0 ", 0],
    ["Fri, 27 Nov 2026 10:00:03 GMT", 3000],
    ["Fri, 27 Nov 2026 09:59:00 GMT", 0],
    [null, undefined],
    ["", undefined],
    ["soon", undefined],
    ["-1", undefined],
    ["1.5", undefined],
    // A header sent twice is joined with a comma; the first value counts.
    ["3, 3", 3000],
    ["3,120", 3000],
    ["Fri, 27 Nov 2026 10:00:03 GMT, Fri, 27 Nov 2026 10:00:09 GMT", 3000],
    // The obsolete forms: RFC 850, and asctime, which has no zone and means GMT.
    ["Friday, 27-Nov-26 10:00:03 GMT", 3000],
    ["Fri Nov 27 10:00:03 2026", 3000],
    ["Fri Nov 27 10:00:03 2026, Fri Nov 27 10:00:09 2026", 3000],
    ["3, Fri, 27 Nov 2026 10:00:09 GMT", 3000],
    ["Fri, 27 Nov 2026 10:00:03 GMT, 9", 3000],
  ])("%j → %s ms", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it("reads an asctime date as GMT whatever the machine's time zone", () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ["America/New_York", "Asia/Tokyo"]) {
        process.env.TZ = tz;
        expect(parseRetryAfter("Fri Nov 27 10:00:03 2026", now)).toBe(3000);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe("retryDelay", () => {
  const options = DEFAULT_RETRY;
  it.each([
    [1, 0, 250],
    [1, 1, 500],
    [2, 0, 500],
    [2, 0.5, 750],
    [3, 1, 2000],
    [5, 1, 8000],
    [10, 0, 4000],
  ])("retry %i with random %f waits %i ms (exponential, jittered, capped)", (retry, random, expected) => {
    expect(retryDelay(retry, options, undefined, () => random)).toBe(expected);
  });

  it("honours Retry-After up to the cap and gives up beyond it", () => {
    expect(retryDelay(1, options, 3000)).toBe(3000);
    expect(retryDelay(1, options, options.maxRetryAfterMs)).toBe(options.maxRetryAfterMs);
    expect(retryDelay(1, options, options.maxRetryAfterMs + 1)).toBeUndefined();
  });
});
