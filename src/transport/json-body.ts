import { ResponseParseError, type RequestDescription, type SentRequest } from "../errors/index.js";

// application/json and its +json kinds, and the older names some servers still send.
const JSON_TYPE = /^(application\/([\w.+-]*\+)?|application\/x-|text\/(x-)?)json\s*(;|$)/i;

/**
 * The type a Content-Type names. A header sent twice arrives joined by a comma: as fetch
 * reads it, the last value counts, empty and wildcard ones skipped, and a comma within a
 * quoted parameter (`profile="a,b"`) is no separator.
 */
function mediaType(header: string): string {
  const values = (header.match(/(?:[^,"]|"(?:[^"\\]|\\.)*"?)+/g) ?? []).map((value) => value.trim());
  return values.filter((value) => value !== "" && !value.startsWith("*/*")).at(-1) ?? "";
}

/** An answer's body as text, and whether its bytes were UTF-8, which JSON must be (RFC 8259). */
export interface DecodedBody {
  text: string;
  utf8: boolean;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/** The body as text; bytes that are not UTF-8 are replaced (U+FFFD), and said to be. */
export function decodeBody(bytes: ArrayBuffer): DecodedBody {
  try {
    return { text: strictUtf8.decode(bytes), utf8: true };
  } catch {
    return { text: lenientUtf8.decode(bytes), utf8: false };
  }
}

/** An answer whose status HTTP does not have: no Response can hold it, and no retry helps. */
export function outsideHttpStatus(
  status: number,
  request: RequestDescription,
  contentType: string | null,
  body: string,
): ResponseParseError {
  return new ResponseParseError({ status, request, contentType, body, reason: "a status outside HTTP's 200–599" });
}

/**
 * Checks a success answer's body once, so a truncated JSON or an HTML page surfaces as
 * a ResponseParseError that keeps the first bytes, and returns the parsed value.
 * Success answers other than 204 carry JSON in this API. `sent` goes on the error of a
 * request that must not be repeated: it was processed.
 */
export function parseSuccessBody(
  status: number,
  request: RequestDescription,
  headers: Headers,
  body: DecodedBody,
  sent?: SentRequest,
): unknown {
  const { text } = body;
  const contentType = headers.get("content-type");
  const fail = (reason: string, cause?: unknown) =>
    new ResponseParseError({ status, request, contentType, body: text, reason, sent, ...(cause ? { cause } : {}) });
  if (text.trim() === "") throw fail("an empty body where JSON was expected");
  if (contentType !== null && !JSON_TYPE.test(mediaType(contentType)))
    throw fail(`${contentType.split(";")[0] || "an empty Content-Type"} where JSON was expected`);
  // Decoded as it stands, a value would come back with U+FFFD in place of what was sent.
  if (!body.utf8) throw fail("a body that is not UTF-8, as JSON must be");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fail("a body that is not valid JSON (truncated or malformed)", error);
  }
}
