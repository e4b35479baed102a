import { byOperation } from "../../generated/request-validators.js";
import { RequestValidationError } from "../errors/index.js";
import { toViolations } from "./violations.js";

export interface RequestParts {
  path?: unknown;
  query?: unknown;
  body?: unknown;
}

/**
 * Checks a request against the spec's schemas for its operation (`METHOD /path/template`)
 * and throws a RequestValidationError listing every violation. Operations the spec does
 * not describe are left to the type checker.
 */
export function validateRequest(operation: string, parts: RequestParts): void {
  const validate = byOperation[operation];
  if (!validate) return;
  const data = { path: parts.path ?? {}, query: parts.query ?? {}, ...(parts.body === undefined ? {} : { body: parts.body }) };
  if (validate(data)) return;
  throw new RequestValidationError(operation, toViolations(validate.errors ?? [], data));
}
