/** The bodies, as openapi-fetch read them, that a made-up `error` stands in for. */
const readBodies = new WeakMap<object, unknown>();

/** As much of a body as an error keeps (as `ApiError.bodyText` does). */
const KEPT_CHARACTERS = 2_000;

/**
 * The `error` of a call whose error answer has an empty body, or one that is not a JSON
 * object (a proxy's HTML page): openapi-fetch gives `undefined`, `""` or the text, so
 * `if (error)` would miss it or `error.message` be undefined. It gets one made from the
 * status instead, with the body's text as its `developerMessage` (an answer middleware put
 * in place may not be readable again); `unwrap` reads the body as it was.
 */
export function withErrorBody<Result extends { error?: unknown; response: Response }>(result: Result): Result {
  const { error, response } = result;
  if (response.ok || (typeof error === "object" && error !== null && !Array.isArray(error))) return result;
  const { status } = response;
  const empty = error === undefined || error === "";
  const type = response.headers.get("content-type")?.split(";")[0];
  const message = `HTTP ${status} with ${empty ? "an empty body" : `a body that is not a CDP error${type ? ` (${type})` : ""}, in developerMessage`}`;
  const text = typeof error === "string" ? error : JSON.stringify(error);
  const madeUp = { status, code: status, message, ...(empty ? {} : { developerMessage: text.slice(0, KEPT_CHARACTERS) }) };
  readBodies.set(madeUp, error);
  result.error = madeUp;
  return result;
}

/** The body as read for an `error` that `withErrorBody` made up, else the `error` itself. */
export function readErrorBody(error: unknown): unknown {
  return typeof error === "object" && error !== null && readBodies.has(error) ? readBodies.get(error) : error;
}
