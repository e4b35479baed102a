/** Error codes that prove the request never reached a server, so no retry can repeat its effect. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/** undici's message for a port fetch will not connect to (6000, 10080, …); it carries no code. */
const BAD_PORT = "bad port";

/** `refused` when the connection provably was never made; `connection` otherwise. */
export function classifyNetworkFailure(error: unknown): "refused" | "connection" {
  // The first code along the cause chain (at most 5 deep) decides.
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string") return NOT_SENT_CODES.has(code) ? "refused" : "connection";
    if (message === BAD_PORT) return "refused";
    current = cause;
  }
  return "connection";
}

/** What a network error tells, besides its message: kept when the error itself is not. */
const FACTS = ["code", "errno", "syscall", "address", "port", "hostname"] as const;

/**
 * A copy of an error and its causes with their names, messages, stacks and network facts
 * only: a custom fetch's error may hold its Request (ky, ofetch), credentials included.
 */
export function factsOf(error: unknown, depth = 0): unknown {
  if (error === null || typeof error !== "object") return error;
  if (!(error instanceof Error)) return pickFacts(error, {});
  const cause = depth < 4 && error.cause !== undefined ? { cause: factsOf(error.cause, depth + 1) } : undefined;
  const copy = new Error(error.message, cause);
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = error.stack;
  return pickFacts(error, copy);
}

function pickFacts<T extends object>(from: object, to: T): T {
  for (const key of FACTS) {
    const value = (from as Record<string, unknown>)[key];
    if (typeof value === "string" || typeof value === "number") Object.assign(to, { [key]: value });
  }
  return to;
}
