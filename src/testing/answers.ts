// The fake's answers as Responses: JSON bodies, CDP error bodies, and the check that every
// answer the fake makes is one the spec documents.
import type { Violation } from "../errors/index.js";
import type { SpecChecks } from "./spec-checks.js";

/** An answer of the fake that breaks the spec: a bug in the fake, not in the code under test. */
export class FakeCdpBugError extends Error {
  override name = "FakeCdpBugError";
}

/** The Error body the spec describes. */
export function errorBody(status: number, message: string, developerMessage = message) {
  return { status, code: status, message, developerMessage };
}

/** The 400 for a request that breaks the spec, naming each rule it breaks. */
export function violationsBody(operation: string, violations: readonly Violation[]) {
  const list = violations.map((v) => `${v.path} ${v.message} (rule: ${v.rule})`).join("; ");
  return errorBody(
    400,
    `The request breaks the spec of ${operation}: ${list}.`,
    violations.map((v) => `${v.path}: ${v.message} [${v.rule}]`).join("\n"),
  );
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The Response for an answer. `check` (with the request's operation) first checks the answer
 * against the spec, and throws FakeCdpBugError when it breaks it.
 */
export function respond(answer: Answer, check?: { checks: SpecChecks; operation: string; request: Request }): Response {
  const { status, body } = answer;
  const contentType = body === undefined ? null : "application/json";
  if (check) {
    const problem = check.checks.answer(check.operation, status, contentType, body);
    if (problem !== undefined)
      throw new FakeCdpBugError(
        `sitecore-cdp-orders/testing: the fake CDP's answer to ${check.request.method} ${check.request.url} ` +
          `breaks the spec (${problem}). This is a bug in the fake, not in the code under test.`,
      );
  }
  const headers = new Headers(answer.headers);
  if (contentType !== null) headers.set("content-type", contentType);
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}
