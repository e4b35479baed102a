import { BufferedResponse } from "./buffered-response.js";
import { decodeBody, outsideHttpStatus, parseSuccessBody } from "./json-body.js";
import { untilAborted } from "./on-abort.js";
import { isIdempotent } from "./retry-policy.js";
import { sentRequest } from "./sent.js";
import type { Layer } from "./types.js";

/**
 * Reads the answer within the attempt (its timeout covers the body) and checks a success's
 * JSON once, so a truncated body or an HTML page is a ResponseParseError, not data. The
 * parsed value goes on the call, for the client not to parse it again. `customFetch`: its
 * answer may not stop reading when the signal aborts.
 */
export function readAnswer(customFetch: boolean): Layer {
  return (next) => async (request, call) => {
    const response = await next(request, call);
    const reading = response.arrayBuffer();
    const read = decodeBody(await (customFetch && request.signal ? untilAborted(reading, request.signal) : reading));
    const { status } = response;
    const { text } = read;
    if (status > 599) throw outsideHttpStatus(status, call.request, response.headers.get("content-type"), text);
    const answer = new BufferedResponse(response, text, response.url || request.url);
    // 204, 205 and any answer to HEAD carry no body by definition; a DELETE answers with none
    // (whitespace alone is none, as it is to the JSON check).
    const bodiless =
      status === 204 ||
      status === 205 ||
      request.method === "HEAD" ||
      (request.method === "DELETE" && text.trim() === "");
    if (status < 200 || status > 299) return answer;
    if (bodiless) {
      call.parsed = { response: answer, data: undefined };
      return answer;
    }
    // An unreadable success of a request that must not be repeated keeps what was sent.
    const sent = call.processed || !isIdempotent(request.method) ? sentRequest(call) : undefined;
    call.parsed = { response: answer, data: parseSuccessBody(status, call.request, response.headers, read, sent) };
    return answer;
  };
}
