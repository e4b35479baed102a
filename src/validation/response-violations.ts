import { byOperation, type ResponseValidatorError } from "../../generated/response-validators.js";
import type { Violation } from "../errors/index.js";
import { toViolations } from "./violations.js";

/** The media type of a Content-Type header: lower case, without parameters. */
function mediaType(contentType: string): string {
  return contentType.split(";", 1)[0]!.trim().toLowerCase();
}

/**
 * Checks an answer against what the spec documents for its operation (`METHOD /path/template`)
 * and lists every way it departs from it; empty when it matches. `body` is the parsed JSON
 * body, `undefined` when there is none. Fields the spec does not list are not departures.
 * Operations the spec does not describe are not checked.
 */
export function responseViolations(
  operation: string,
  status: number,
  contentType: string | null,
  body: unknown,
): Violation[] {
  const statuses = byOperation[operation];
  if (!statuses) return [];
  // `null` (no body) is an answer too, so the keys are looked up rather than the values.
  const key = [String(status), `${String(status).charAt(0)}XX`, "default"].find((k) => k in statuses);
  const documented = key === undefined ? undefined : statuses[key];
  if (documented === undefined) {
    const listed = Object.keys(statuses).join(", ");
    return [{ path: "status", rule: "status", message: `${status} is not documented for ${operation} (${listed})` }];
  }
  if (documented === null) {
    return body === undefined
      ? []
      : [{ path: "body", rule: "noBody", message: `must be absent: a ${status} answer has no body` }];
  }
  const mediaTypes = Object.keys(documented);
  if (body === undefined) {
    return [
      { path: "body", rule: "required", message: `is required: a ${status} answer has one (${mediaTypes.join(", ")})` },
    ];
  }
  const type = contentType === null ? undefined : mediaType(contentType);
  const validate =
    type === undefined
      ? undefined
      : (documented[type] ?? documented[`${type.split("/", 1)[0]}/*`] ?? documented["*/*"]);
  if (!validate) {
    const given = contentType === null ? "is missing" : `${JSON.stringify(contentType)} is not documented`;
    return [
      {
        path: "contentType",
        rule: "contentType",
        message: `${given}: a ${status} answer is ${mediaTypes.join(" or ")}`,
      },
    ];
  }
  if (validate(body)) return [];
  // Errors are relative to the body; `if` errors only restate the failures of the branch taken.
  const errors = (validate.errors ?? [])
    .filter((error) => error.keyword !== "if")
    .map((error): ResponseValidatorError => ({ ...error, instancePath: `/body${error.instancePath}` }));
  // A schema and those it combines (allOf) may each break on the same value the same way.
  const seen = new Set<string>();
  return toViolations(errors, { body }).filter((v) => {
    const id = `${v.path}\n${v.rule}\n${v.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
