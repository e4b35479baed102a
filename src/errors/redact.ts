// The one place that keeps credentials out of what the package prints: errors and log
// events. A server may echo them back (an `Authorization` header in a debug body, the token
// in a message), so values are scrubbed too, not only the headers known to carry them.
import { basicAuthorization } from "../auth.js";

const REDACTED = "[redacted]";
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "set-cookie2"]);

/** The strings that must never be printed, longest first: the header value, its base64, `key:token`, the token. */
export type Secrets = readonly string[];

/** Shorter values would match ordinary text (a test's token "t"); real API tokens are far longer. */
const SHORTEST_SECRET = 8;

export function secretsOf(clientKey: string, apiToken: string): Secrets {
  const authorization = basicAuthorization(clientKey, apiToken);
  const encoded = authorization.slice("Basic ".length);
  return [authorization, encoded, `${clientKey}:${apiToken}`, apiToken]
    .filter((secret) => secret.length >= SHORTEST_SECRET)
    .sort((a, b) => b.length - a.length);
}

export function redactText(text: string, secrets: Secrets): string {
  let redacted = text;
  for (const secret of secrets) if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
  return redacted;
}

/** A copy of `value` with every string scrubbed; `value` itself when nothing needed it. */
export function redactValue<T>(value: T, secrets: Secrets, depth = 0): T {
  if (typeof value === "string") return redactText(value, secrets) as T;
  if (value === null || typeof value !== "object" || depth > 20 || secrets.length === 0) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = redactValue(inner, secrets, depth + 1);
  return copy as T;
}

/** Headers as a plain record, those that carry credentials or cookies redacted, the others scrubbed. */
export function redactHeaders(headers: Headers, secrets: Secrets = []): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(value, secrets);
  });
  return out;
}

/** Scrubs an error's message, stack and fields (what a server sent back included), in place. */
export function redactError<E extends Error>(error: E, secrets: Secrets): E {
  if (secrets.length === 0) return error;
  const fields = error as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(error)) {
    if (key !== "cause") fields[key] = redactValue(value, secrets);
  }
  error.message = redactText(error.message, secrets);
  if (error.stack !== undefined) error.stack = redactText(error.stack, secrets);
  return error;
}
