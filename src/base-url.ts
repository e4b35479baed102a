import { ConfigurationError } from "./errors/index.js";

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Checks a custom base URL and returns it without a trailing slash. Credentials go over
 * the wire with every request, so only https is accepted, except plain http on loopback
 * for local mocks.
 */
export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Quoted only without an `@`: user info before it could hold a credential.
    throw new ConfigurationError(`baseUrl is not an absolute URL${raw.includes("@") ? "" : `: "${raw}"`}.`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError("baseUrl must not contain credentials; pass clientKey and apiToken instead.");
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(`baseUrl must not have a query or fragment: "${url.origin}${url.pathname}".`);
  }
  const plainHttpAllowed = url.protocol === "http:" && isLoopback(url.hostname);
  if (url.protocol !== "https:" && !plainHttpAllowed) {
    throw new ConfigurationError(
      `baseUrl must use https (plain http is allowed only for loopback mocks): "${url.origin}".`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
