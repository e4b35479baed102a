// The spec's checks, loaded on the fake's first request (the same generated validators the
// client uses): every request before it takes effect, every answer before it is given.
import type { Violation } from "../errors/index.js";
import type { RequestParts } from "../validation/request-violations.js";

export interface SpecChecks {
  /** Every way a request breaks the spec; empty when it is valid. */
  request(operation: string, parts: RequestParts): Violation[];
  /** Whether the spec documents `status` as an answer of `operation`. */
  declares(operation: string, status: number): boolean;
  /** Why an answer breaks the spec, or undefined when it matches. */
  answer(operation: string, status: number, contentType: string | null, body: unknown): string | undefined;
}

let loading: Promise<SpecChecks> | undefined;

/** The checks, loaded once; a failed load is tried again by the next call. */
export function loadSpecChecks(): Promise<SpecChecks> {
  loading ??= Promise.all([
    import("../validation/request-violations.js"),
    import("../validation/response-violations.js"),
  ]).then(
    ([{ requestViolations }, { responseViolations }]) => ({
      request: requestViolations,
      declares: (operation, status) =>
        !responseViolations(operation, status, "application/json", {}).some((v) => v.rule === "status"),
      answer(operation, status, contentType, body) {
        const violations = responseViolations(operation, status, contentType, body);
        if (violations.length === 0) return undefined;
        if (violations.some((v) => v.rule === "status")) return `${operation} does not declare HTTP ${status}`;
        const details = violations.map((v) => `${v.path} ${v.message}`).join("; ");
        return `HTTP ${status} of ${operation} breaks its schema: ${details}`;
      },
    }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
