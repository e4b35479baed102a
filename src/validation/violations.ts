import type { RequestValidatorError } from "../../generated/request-validators.js";
import type { Violation } from "../errors/index.js";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function pointerSegments(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `/body/identifiers/0/id` → `body.identifiers[0].id`. */
function jsonPath(segments: string[]): string {
  return segments
    .map((segment, index) => {
      if (/^\d+$/.test(segment)) return `[${segment}]`;
      if (IDENTIFIER.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join("");
}

function valueAt(data: unknown, segments: string[]): unknown {
  return segments.reduce<unknown>(
    (node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    data,
  );
}

function message(error: RequestValidatorError, value: unknown): string {
  switch (error.keyword) {
    case "required":
      return "is required";
    case "false schema":
      return "is assigned by the server and must not be sent";
    case "not":
      return `must not be ${JSON.stringify(value)}: the value is reserved`;
    default:
      return error.message ?? error.keyword;
  }
}

/** Turns ajv's errors into one violation per broken rule, each with a readable JSON path. */
export function toViolations(errors: readonly RequestValidatorError[], data: unknown): Violation[] {
  const violations: Violation[] = [];
  for (const error of errors) {
    const segments = pointerSegments(error.instancePath);
    const { missingProperty } = error.params as { missingProperty?: string };
    const { propertyName } = error;
    // The summary error of `propertyNames` repeats the specific one that names the key.
    if (error.keyword === "propertyNames") continue;
    if (missingProperty !== undefined) segments.push(missingProperty);
    if (propertyName !== undefined) segments.push(propertyName);
    const rule = propertyName !== undefined ? `propertyNames.${error.keyword}` : error.keyword;
    const keyProblem = error.keyword === "not" ? "the name is reserved" : (error.message ?? error.keyword);
    const text =
      propertyName !== undefined ? `is not an allowed key: ${keyProblem}` : message(error, valueAt(data, segments));
    violations.push({ path: jsonPath(segments), rule, message: text });
  }
  return violations;
}
