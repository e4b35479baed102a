import { ResponseParseError, type RequestDescription, type SentRequest } from "../errors/index.js";

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i;

/** An answer whose status HTTP does not have: no Response can hold it, and no retry helps. */
export function outsideHttpStatus(status: number, request: RequestDescription, contentType: string | null, body: string): ResponseParseError {
  return new ResponseParseError({ status, request, contentType, body, reason: "a status outside HTTP's 200–599" });
}

/**
 * Checks a success answer's body once, so a truncated JSON or an HTML page surfaces as
 * a ResponseParseError that keeps the first bytes, and returns the parsed value.
 * Success answers other than 204 carry JSON in this API. `sent` goes on the error of a
 * request that must not be repeated: it was processed.
 */
export function parseSuccessBody(status: number, request: RequestDescription, headers: Headers, text: string, sent?: SentRequest): unknown {
  const contentType = headers.get("content-type");
  const fail = (reason: string, cause?: unknown) =>
    new ResponseParseError({ status, request, contentType, body: text, reason, sent, ...(cause ? { cause } : {}) });
  if (text.trim() === "") throw fail("an empty body where JSON was expected");
  if (contentType !== null && !JSON_TYPE.test(contentType)) throw fail(`${contentType.split(";")[0]} where JSON was expected`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fail("a body that is not valid JSON (truncated or malformed)", error);
  }
}
