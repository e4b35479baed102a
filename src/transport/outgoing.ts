import { ConfigurationError } from "../errors/index.js";
import { LightRequest } from "./light-request.js";
import type { Outgoing } from "./types.js";

/** What the layers set on every attempt; any other option is the call's own. */
const SET_BY_ATTEMPT = new Set(["method", "headers", "body", "signal", "redirect"]);

/** The options a standard Request carries besides those each attempt sets. */
const REQUEST_OPTIONS = [
  "cache",
  "credentials",
  "integrity",
  "keepalive",
  "mode",
  "referrer",
  "referrerPolicy",
] as const;

/** The options of a call besides those each attempt sets, or undefined when it has none. */
function ownOptions(init: RequestInit): RequestInit | undefined {
  const own: Record<string, unknown> = {};
  let any = false;
  for (const key in init) {
    if (SET_BY_ATTEMPT.has(key)) continue;
    own[key] = (init as Record<string, unknown>)[key];
    any = true;
  }
  return any ? own : undefined;
}

/** A standard Request's options, and those openapi-fetch put on it as properties (a framework's own, such as `next`). */
function optionsOf(request: Request): RequestInit {
  // Own string keys only: undici keeps its internals under symbols.
  const options: Record<string, unknown> = {};
  for (const key of Object.keys(request)) options[key] = (request as unknown as Record<string, unknown>)[key];
  for (const key of REQUEST_OPTIONS) if (request[key] !== undefined) options[key] = request[key];
  return options;
}

/**
 * Refuses the call's own options that fetch would refuse (`cache: "only-if-cached"` alone,
 * …), so no attempt fails on them. A standard Request was checked when it was built.
 */
function checkOptions(url: string, method: string, options: RequestInit | undefined): void {
  if (options === undefined) return;
  try {
    new Request(url, { ...options, method });
  } catch (error) {
    throw new ConfigurationError(
      `${method} ${url} was not sent: fetch refuses its options (${(error as Error).message}).`,
    );
  }
}

/**
 * The request openapi-fetch hands its fetch, in a form each attempt can send again: a light
 * request with a string body (or none) as it is; any other body read once, up front.
 */
export function toOutgoing(request: Request | LightRequest): Outgoing | Promise<Outgoing> {
  const { method, url, headers, signal } = request;
  if (request instanceof LightRequest) {
    const { body } = request;
    const options = ownOptions(request.init);
    checkOptions(url, method, options);
    if (typeof body === "string" || body === undefined) return { method, url, headers, body, signal, options };
    // A custom bodySerializer's FormData, Blob, …: the type it implies, multipart boundary
    // included, goes along unless one was set.
    const encoded = new Response(body);
    const type = encoded.headers.get("content-type");
    if (type !== null && !headers.has("content-type")) headers.set("content-type", type);
    return encoded.arrayBuffer().then((bytes) => ({ method, url, headers, body: bytes, signal, options }));
  }
  const options = optionsOf(request);
  if (request.body === null) return { method, url, headers, body: undefined, signal, options };
  return request.arrayBuffer().then((bytes) => ({ method, url, headers, body: bytes, signal, options }));
}
