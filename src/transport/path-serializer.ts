import { RequestValidationError } from "../errors/index.js";

const PARAM = /\{([^}]+)\}/g;

/**
 * Fills `{name}` path parameters, percent-encoding each value so a ref can never change
 * the path (`/`, `?`, `#` are encoded), and refusing the values encoding cannot make safe:
 * missing, empty, `.` and `..` (URLs resolve dot segments even when percent-encoded).
 */
export function safePathSerializer(pathname: string, pathParams: Record<string, unknown> = {}): string {
  const bad: { path: string; rule: string; message: string }[] = [];
  const filled = pathname.replace(PARAM, (_, name: string) => {
    const value = pathParams[name];
    const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
    if (text === "" || text === "." || text === "..") {
      bad.push({ path: `path.${name}`, rule: "pathSegment", message: "must be a non-empty reference, not '.' or '..'" });
      return "";
    }
    return encodeURIComponent(text);
  });
  if (bad.length > 0) throw new RequestValidationError(`request to ${pathname}`, bad);
  return filled;
}
