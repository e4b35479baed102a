import { byOperation, queryRules } from "../../generated/request-validators.js";
import type { Violation } from "../errors/index.js";
import { toViolations } from "./violations.js";

export interface RequestParts {
  path?: unknown;
  query?: unknown;
  body?: unknown;
}

/**
 * Checks a request against the spec's schemas for its operation (`METHOD /path/template`)
 * and lists every violation; empty when it is valid. Operations the spec does not describe
 * are left to the type checker.
 */
export function requestViolations(operation: string, parts: RequestParts): Violation[] {
  const validate = byOperation[operation];
  if (!validate) return [];
  const data: RequestParts = { path: parts.path ?? {}, query: parts.query ?? {} };
  if (parts.body !== undefined) data.body = parts.body;
  if (validate(data)) return [];
  // A broken rule across query parameters reads better in the spec's own words.
  const rule = queryRules[operation];
  return toViolations(validate.errors ?? [], data).map((v) =>
    rule && v.path === "query" && (v.rule === "oneOf" || v.rule === "if")
      ? { ...v, message: `breaks the rule: ${rule}` }
      : v,
  );
}
