import { textOf } from "./errors/body-text.js";

/** The bodies, as openapi-fetch read them, that a made-up `error` stands in for. */
const readBodies = new WeakMap<object, unknown>();

/**
 * The `error` of a call whose error answer is not the CDP error the spec describes, whose
 * `status`, `code` and `message` its type promises. openapi-fetch gives `undefined`, `""`,
 * the text or the object as parsed, so `if (error)` would miss an empty body and
 * `error.code` or `error.message` be undefined:
 * - a JSON object with a `message` (a gateway's `{"message": …}`, a body without `code`)
 *   keeps its fields, the missing `status` or `code` taken from the answer's status;
 * - any other body (empty, a proxy's HTML page, JSON without a message) gets one made from
 *   the status, with the body's text as its `developerMessage` (an answer middleware put
 *   in place may not be readable again).
 * `unwrap` reads the body as it was.
 */
export function withErrorBody<Result extends { error?: unknown; response: Response }>(result: Result): Result {
  const { error, response } = result;
  if (response.ok) return result;
  const { status } = response;
  const fields =
    typeof error === "object" && error !== null && !Array.isArray(error)
      ? (error as Record<string, unknown>)
      : undefined;
  let completed: object;
  if (typeof fields?.message === "string") {
    const hasStatus = typeof fields.status === "number" || typeof fields.status === "string";
    if (hasStatus && typeof fields.code === "number") return result;
    completed = {
      ...fields,
      status: hasStatus ? fields.status : status,
      code: typeof fields.code === "number" ? fields.code : status,
    };
  } else {
    // Kept as ApiError.bodyText keeps it.
    const text = textOf(error);
    const type = response.headers.get("content-type")?.split(";")[0];
    const message = `HTTP ${status} with ${text === undefined ? "an empty body" : `a body that is not a CDP error${type ? ` (${type})` : ""}, in developerMessage`}`;
    completed = { status, code: status, message, ...(text === undefined ? {} : { developerMessage: text }) };
  }
  readBodies.set(completed, error);
  result.error = completed;
  return result;
}

/** The body as read for an `error` that `withErrorBody` made up, else the `error` itself. */
export function readErrorBody(error: unknown): unknown {
  return typeof error === "object" && error !== null && readBodies.has(error) ? readBodies.get(error) : error;
}
