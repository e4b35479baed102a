import { createApiError } from "./errors/index.js";
import { typedErrorOf } from "./error-result.js";

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a successful result; `undefined` for answers without a body (204). */
export type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

/**
 * The throwing form of a call: resolves to the data, or rejects with the typed API error
 * (`NotFoundError`, `RateLimitError`, …) built from the answer.
 *
 *     const order = await unwrap(cdp.GET("/v2.1/orders/{orderRef}", { params: { path: { orderRef } } }));
 */
export async function unwrap<R extends FetchResult>(result: Promise<R> | R): Promise<SuccessData<R>> {
  const { data, error, response } = await result;
  if (response.ok) return data as SuccessData<R>;
  // A result from another client (openapi-fetch's own) has no typed error yet.
  throw (
    typedErrorOf(error) ??
    createApiError({
      method: "UNKNOWN",
      url: response.url,
      status: response.status,
      headers: response.headers,
      body: error,
    })
  );
}
