/**
 * The request openapi-fetch builds for each call while no middleware is registered (its
 * `Request` option). It keeps the parts as given: a standard `Request` costs as much CPU as
 * a loopback round trip in undici, and the transport sends with `fetch(url, init)` anyway.
 * Middleware is handed standard Requests instead (see the client).
 */
export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The body as serialized by openapi-fetch. */
  readonly body: BodyInit | undefined;
  /** The caller's signal, if any. */
  readonly signal: AbortSignal | undefined;
  /** Everything the call was given, for the options fetch reads besides these (`cache`, `keepalive`, …). */
  readonly init: RequestInit;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? "GET";
    // openapi-fetch hands over the Headers it merged for this request alone.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? undefined;
    this.signal = init.signal ?? undefined;
    this.init = init;
  }
}
