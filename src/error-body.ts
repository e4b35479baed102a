import { textOf } from "./errors/body-text.js";

/** The bodies, as openapi-fetch read them, that a made-up `error` stands in for. */
const readBodies = new WeakMap<object, unknown>();

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
  // Kept as ApiError.bodyText keeps it.
  const text = textOf(error);
  const type = response.headers.get("content-type")?.split(";")[0];
  const message = `HTTP ${status} with ${text === undefined ? "an empty body" : `a body that is not a CDP error${type ? ` (${type})` : ""}, in developerMessage`}`;
  const madeUp = { status, code: status, message, ...(text === undefined ? {} : { developerMessage: text }) };
  readBodies.set(madeUp, error);
  result.error = madeUp;
  return result;
}

/** The body as read for an `error` that `withErrorBody` made up, else the `error` itself. */
export function readErrorBody(error: unknown): unknown {
  return typeof error === "object" && error !== null && readBodies.has(error) ? readBodies.get(error) : error;
}
