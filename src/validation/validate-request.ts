import { RequestValidationError } from "../errors/index.js";
import { requestViolations, type RequestParts } from "./request-violations.js";

export type { RequestParts };

/** Throws a RequestValidationError listing every way the request breaks the spec. */
export function validateRequest(operation: string, parts: RequestParts): void {
  const violations = requestViolations(operation, parts);
  if (violations.length > 0) throw new RequestValidationError(operation, violations);
}
