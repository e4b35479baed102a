import { textOf } from "./errors/body-text.js";
import { type ApiError, type ApiErrorInit, createApiError } from "./errors/index.js";
import { redactError, redactValue, type Secrets } from "./errors/redact.js";

/** The typed error of each `error` the client returned, for `unwrap` to throw. */
const typedErrors = new WeakMap<object, ApiError>();

/**
 * The `error` of a call whose error answer is not the CDP error the spec describes, whose
 * `status`, `code` and `message` its type promises. openapi-fetch gives `undefined`, `""`,
 * the text or the object as parsed, so `if (error)` would miss an empty body and
 * `error.code` or `error.message` be undefined:
 * - a JSON object with a `message` (a gateway's `{"message": …}`, a body without `code`)
 *   keeps its fields, the missing `status` or `code` taken from the answer's status;
 * - any other body (empty, a proxy's HTML page, JSON without a message) gets one made from
 *   the status, with the body's text as its `developerMessage`.
 */
function completed(error: unknown, response: Response): object {
  const { status } = response;
  const fields =
    typeof error === "object" && error !== null && !Array.isArray(error)
      ? (error as Record<string, unknown>)
      : undefined;
  if (typeof fields?.message === "string") {
    const hasStatus = typeof fields.status === "number" || typeof fields.status === "string";
    if (hasStatus && typeof fields.code === "number") return fields;
    return {
      ...fields,
      status: hasStatus ? fields.status : status,
      code: typeof fields.code === "number" ? fields.code : status,
    };
  }
  // Kept as ApiError.bodyText keeps it.
  const text = textOf(error);
  const type = response.headers.get("content-type")?.split(";")[0];
  const what =
    text === undefined
      ? "an empty body"
      : `a body that is not a CDP error${type ? ` (${type})` : ""}, in developerMessage`;
  return {
    status,
    code: status,
    message: `HTTP ${status} with ${what}`,
    ...(text === undefined ? {} : { developerMessage: text }),
  };
}

/**
 * An error answer's `error` for the caller, always an object with `status`, `code` and
 * `message` (so `if (error)` catches every one), and its typed error for `unwrap`, built
 * from the body as it was read; both scrubbed of the credentials a server may echo.
 */
export function errorResult(init: ApiErrorInit, response: Response, secrets: Secrets): object {
  const error = redactValue(completed(init.body, response), secrets);
  typedErrors.set(error, redactError(createApiError(init), secrets));
  return error;
}

/** The typed error for an `error` the client returned, if it did. */
export function typedErrorOf(error: unknown): ApiError | undefined {
  return typeof error === "object" && error !== null ? typedErrors.get(error) : undefined;
}
