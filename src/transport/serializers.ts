import { createQuerySerializer, defaultBodySerializer } from "openapi-fetch";
import { RequestValidationError, type Violation } from "../errors/index.js";

// A lone surrogate (half of a UTF-16 pair, as a string cut in the wrong place leaves)
// cannot be percent-encoded: encodeURIComponent throws a plain URIError.
const LONE_SURROGATE = /\p{Cs}/u;

/** What the serializers' refusals name, not knowing the operation; the client puts its name in. */
export const UNNAMED_REQUEST = "request";

/** Where in `value` (under `at`) strings hold a lone surrogate: `at.key`, `at[0]`, … */
export function loneSurrogatePaths(value: unknown, at: string): string[] {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? [at] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    loneSurrogatePaths(inner, Array.isArray(value) ? `${at}[${key}]` : `${at}.${key}`),
  );
}

/**
 * Fills `{name}` path parameters, percent-encoding each value so a ref can never change
 * the path (`/`, `?`, `#` are encoded), and refusing the values encoding cannot make safe:
 * missing, empty, `.` and `..` (URLs resolve dot segments even when percent-encoded), and
 * those holding a lone surrogate.
 */
export function safePathSerializer(pathname: string, pathParams: Record<string, unknown> = {}): string {
  // Split by hand: it runs on every call, and a replace with a callback costs more.
  const pieces = pathname.split("{");
  let filled = pieces[0]!;
  const bad: Violation[] = [];
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const end = piece.indexOf("}");
    const name = piece.slice(0, end);
    const value = pathParams[name];
    const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
    const encoded = text === "." || text === ".." ? "" : encodeOrEmpty(text);
    if (encoded === "") {
      bad.push({
        path: `path.${name}`,
        rule: "pathSegment",
        message: "must be a non-empty, well-formed reference, not '.' or '..'",
      });
      continue;
    }
    filled += encoded + piece.slice(end + 1);
  }
  if (bad.length > 0) throw new RequestValidationError(UNNAMED_REQUEST, bad);
  return filled;
}

/** The percent-encoded text, or "" when it holds a lone surrogate (encoding throws a URIError). */
function encodeOrEmpty(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "";
  }
}

const standardQuery = createQuerySerializer();

/** openapi-fetch's query serializer, refusing a value that holds a lone surrogate with a typed error. */
export function safeQuerySerializer(query: Record<string, unknown>): string {
  try {
    return standardQuery(query);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    throw new RequestValidationError(
      UNNAMED_REQUEST,
      loneSurrogatePaths(query, "query").map((path) => ({
        path,
        rule: "wellFormed",
        message: "holds a lone surrogate, which cannot be sent",
      })),
    );
  }
}

/** openapi-fetch's body serializer, refusing a body JSON cannot encode (a cycle, a BigInt) with a typed error. */
export function safeBodySerializer(body: unknown, headers?: Headers | Record<string, string>): string | FormData {
  try {
    // openapi-fetch passes the headers too (its types leave them out), for form bodies.
    return (defaultBodySerializer as (body: unknown, headers?: unknown) => string | FormData)(body, headers);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new RequestValidationError(UNNAMED_REQUEST, [
      { path: "body", rule: "json", message: `cannot be sent as JSON: ${error.message}` },
    ]);
  }
}
