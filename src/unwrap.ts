import { readErrorBody } from "./error-body.js";
import { createApiError } from "./errors/index.js";
import { ReadResponse } from "./transport/read-response.js";

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
  const described = ReadResponse.requestOf(response) ?? { method: "UNKNOWN", url: response.url };
  throw createApiError({
    ...described,
    status: response.status,
    headers: response.headers,
    body: readErrorBody(error),
  });
}
