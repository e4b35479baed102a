/** Error codes that prove the request never reached a server, so no retry can repeat its effect. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    current = cause;
  }
  return undefined;
}

/** `refused` when the connection provably was never made; `connection` otherwise. */
export function classifyNetworkFailure(error: unknown): "refused" | "connection" {
  const code = errorCode(error);
  return code !== undefined && NOT_SENT_CODES.has(code) ? "refused" : "connection";
}
