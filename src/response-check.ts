// Response validation (`validateResponses`): each answer checked against the spec, its
// departures reported once per client, or thrown.
import type { Call } from "./transport/types.js";
import { ResponseValidationError, type Violation } from "./errors/index.js";
import { redactError, type Secrets } from "./errors/redact.js";
import { type Logger, report } from "./logger.js";
import { loadResponseViolations } from "./validation/lazy.js";

export type ResponseValidation = "off" | "report" | "strict";
export const RESPONSE_VALIDATION_MODES: readonly ResponseValidation[] = ["off", "report", "strict"];

/** Checks one answer: `body` is what it carried, parsed, `undefined` when empty. */
export type AnswerCheck = (call: Call, response: Response, body: unknown) => Promise<void>;

/** The check for `mode`, or undefined when answers are not checked. */
export function answerCheck(mode: ResponseValidation, logger: Logger | undefined, secrets: Secrets) {
  if (mode === "off") return undefined;
  // What this client has reported already: one event per distinct finding.
  const reported = new Set<string>();
  const check: AnswerCheck = async (call, response, body) => {
    const { status } = response;
    const operation = call.request.operation ?? "";
    const violations = (await loadResponseViolations())(operation, status, response.headers.get("content-type"), body);
    if (violations.length === 0) return;
    if (mode === "strict") {
      throw redactError(
        new ResponseValidationError({ request: call.request, status, violations, data: body }),
        secrets,
      );
    }
    const fresh = violations.filter((violation: Violation) => {
      const key = `${operation}\u0000${status}\u0000${violation.path}\u0000${violation.rule}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    const { method, url } = call.request;
    report(logger, { type: "responseDrift", method, url, operation, status, violations: fresh }, secrets);
  };
  return check;
}
