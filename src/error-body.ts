/** The bodies, as openapi-fetch read them, that a made-up `error` stands in for. */
const readBodies = new WeakMap<object, unknown>();

/**
 * The `error` of a call whose error answer has an empty body, or one that is not a JSON
 * object (a proxy's HTML page): openapi-fetch gives `undefined`, `""` or the text, so
 * `if (error)` would miss it or `error.message` be undefined. It gets one made from the
 * status instead; the body stays readable from the response, and `unwrap` reads it.
 */
export function withErrorBody<Result extends { error?: unknown; response: Response }>(result: Result): Result {
  const { error, response } = result;
  if (response.ok || (typeof error === "object" && error !== null && !Array.isArray(error))) return result;
  const { status } = response;
  const type = response.headers.get("content-type")?.split(";")[0];
  const what = error === undefined || error === "" ? "an empty body" : `a body that is not a CDP error${type ? ` (${type})` : ""}; the response holds it`;
  const madeUp = { status, code: status, message: `HTTP ${status} with ${what}` };
  readBodies.set(madeUp, error);
  result.error = madeUp;
  return result;
}

/** The body as read for an `error` that `withErrorBody` made up, else the `error` itself. */
export function readErrorBody(error: unknown): unknown {
  return typeof error === "object" && error !== null && readBodies.has(error) ? readBodies.get(error) : error;
}
