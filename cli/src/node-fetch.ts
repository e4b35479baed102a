// A `fetch` for the CLI over node:http(s) with a keep-alive agent sized to the pool. The
// global fetch builds web streams for every request and answer; for thousands of small
// JSON calls this plain transport costs a fraction of the CPU. Redirects are returned, not
// followed (the client decides), and errors keep Node's codes (ECONNRESET, ECONNREFUSED…)
// in `cause`, where the client reads them to tell a refused connection from a lost one.
// It resolves with the whole answer, its body read.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { ResponseParseError } from "sitecore-cdp-orders";

/** Answers that have no body, whatever the server sent after the headers. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** `signal` ends the request (by default its own). */
export function nodeFetch(maxSockets: number): (request: Request, signal?: AbortSignal) => Promise<Response> {
  const agents = {
    "http:": new HttpAgent({ keepAlive: true, maxSockets }),
    "https:": new HttpsAgent({ keepAlive: true, maxSockets }),
  };
  return async (request, signal = request.signal) => {
    const url = new URL(request.url);
    const protocol = url.protocol === "https:" ? "https:" : "http:";
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (body !== undefined) headers["content-length"] = String(body.length);
    signal.throwIfAborted();
    return new Promise<Response>((resolve, reject) => {
      const send = protocol === "https:" ? httpsRequest : httpRequest;
      const outgoing = send(
        url,
        { method: request.method, headers, agent: agents[protocol] },
        (incoming: IncomingMessage) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", fail);
          incoming.on("aborted", () =>
            fail(Object.assign(new Error("the connection closed before the whole answer"), { code: "ECONNRESET" })),
          );
          incoming.on("end", () => {
            signal.removeEventListener("abort", onAbort);
            if (!incoming.complete)
              return fail(
                Object.assign(new Error("the connection closed before the whole answer"), { code: "ECONNRESET" }),
              );
            const answerHeaders = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) {
              for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
                answerHeaders.append(name, one);
            }
            const status = incoming.statusCode ?? 0;
            if (status < 200 || status > 599) {
              // No Response can hold it; the client ends the call with this, as it does for fetch.
              return reject(
                new ResponseParseError({
                  status,
                  request: { method: request.method, url: request.url, operation: undefined },
                  contentType: answerHeaders.get("content-type"),
                  body: Buffer.concat(chunks).toString(),
                  reason: "a status outside HTTP's 200–599",
                }),
              );
            }
            const empty = NULL_BODY_STATUSES.has(status) || request.method === "HEAD";
            // The status text is set as received: Response's constructor refuses some bytes in it.
            const response = new Response(empty ? null : Buffer.concat(chunks), { status, headers: answerHeaders });
            Object.defineProperties(response, {
              url: { value: request.url },
              statusText: { value: incoming.statusMessage ?? "" },
            });
            resolve(response);
          });
        },
      );
      function fail(error: unknown) {
        signal.removeEventListener("abort", onAbort);
        reject(new TypeError("fetch failed", { cause: error }));
      }
      function onAbort() {
        outgoing.destroy();
        reject(signal.reason);
      }
      signal.addEventListener("abort", onAbort, { once: true });
      outgoing.on("error", fail);
      outgoing.end(body);
    });
  };
}
