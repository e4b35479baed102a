import type { SentRequest } from "../errors/index.js";
import type { Call } from "./types.js";

/** What was sent, for an error to carry; the body decoded only then. */
export function sentRequest(call: Call): SentRequest {
  const { body } = call;
  const text = typeof body === "string" || body === undefined ? body : new TextDecoder().decode(body);
  return { ...call.request, body: text };
}
