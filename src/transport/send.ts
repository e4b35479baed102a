import { untilAborted } from "./on-abort.js";
import type { Outgoing, Send } from "./types.js";

function initOf(request: Outgoing): RequestInit {
  const set: RequestInit = {
    method: request.method,
    headers: request.headers,
    body: request.body ?? null,
    signal: request.signal ?? null,
    // Redirects are the transport's to follow: only within the origin, and never a POST twice.
    redirect: "manual",
  };
  return request.options === undefined ? set : { ...request.options, ...set };
}

/**
 * The innermost layer: one HTTP exchange. The global fetch gets the URL and init (no Request
 * copy); a custom fetch gets a Request, and is not waited for past the signal, which it may ignore.
 */
export function sendThrough(customFetch: ((request: Request) => Promise<Response>) | undefined): Send {
  if (customFetch === undefined) return (request) => globalThis.fetch(request.url, initOf(request));
  return (request) => {
    const answer = customFetch(new Request(request.url, initOf(request)));
    if (request.signal === undefined) return answer;
    // An answer that comes after the abort is not read: its body is let go.
    return untilAborted(answer, request.signal, (late) => void late.body?.cancel().catch(() => undefined));
  };
}
