// One step of `verify`: its request sent, its answer checked against the spec (the client
// validates strictly and throws ResponseValidationError with the answer on a departure), and
// what it created or deleted recorded, even when its answer drifted.
import { ResponseValidationError, type OrderClient, type Violation } from "sitecore-cdp-orders";
import { OPERATIONS } from "./spec-shapes.generated.js";
import { envelopeNotes } from "./envelope.js";
import type { Step } from "./plan.js";
import { KIND_NAMES, type Resources } from "./resources.js";
import type { VerifyData } from "./test-data.js";
import { undocumentedFields, type UndocumentedField } from "./undocumented.js";

export type Result = "ok" | "drift" | "error" | "skipped";

export interface Finding {
  path: string;
  rule: string;
  message: string;
}

export interface Row {
  operation: Step["id"];
  method: string;
  path: string;
  expected: number;
  /** The status answered; absent when no answer came (or the step did not run). */
  seen?: number;
  result: Result;
  /** The departures from the spec (drift), the failure (error) or the reason it did not run. */
  findings: Finding[];
  /** What the answer lacks that the spec allows it to lack, but a reader of it may miss. */
  notes: Finding[];
}

export interface StepOutcome {
  row: Row;
  undocumented: UndocumentedField[];
}

interface Received {
  status: number;
  body: unknown;
  violations: readonly Violation[];
}

export function stepRow(step: Step, result: Result, findings: Finding[] = []): Row {
  const { method, path, status } = OPERATIONS[step.id]!;
  return { operation: step.id, method, path, expected: status, result, findings, notes: [] };
}

/** The ref of what a create made: `ref`, else the last segment of `href`. */
function refIn(body: unknown): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const { ref, href } = body as { ref?: unknown; href?: unknown };
  if (typeof ref === "string" && ref !== "") return ref;
  return typeof href === "string" ? href.split(/[?#]/, 1)[0]!.split("/").filter(Boolean).pop() : undefined;
}

/** Records what the answer says was created or deleted. */
function track(step: Step, { status, body }: Received, resources: Resources): void {
  const success = status >= 200 && status < 300;
  if (step.deletes && (success || status === 404)) resources.remove(step.deletes);
  if (!step.creates || !success) return;
  const { creates } = step;
  const ref =
    creates === "orderExtension"
      ? resources.ref("order")
      : creates === "itemExtension"
        ? resources.ref("item")
        : refIn(body);
  if (ref === undefined) resources.unaccounted.push(`${KIND_NAMES[creates]} (the answer to ${step.id} has no ref)`);
  else resources.add(creates, ref);
}

function errorMessage(status: number, body: unknown): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : `HTTP ${status}`;
}

/** What the answer makes of the step: `ok`, `drift` (it departs from the spec) or `error`. */
function judge(received: Received, expected: number): Pick<Row, "result" | "findings"> {
  if (received.violations.length > 0) return { result: "drift", findings: [...received.violations] };
  if (received.status === expected) return { result: "ok", findings: [] };
  const message = errorMessage(received.status, received.body);
  return { result: "error", findings: [{ path: "", rule: "status", message }] };
}

/** What a create that got no answer may have made, as the output names it. */
function mayExist(step: Step, data: VerifyData): string {
  const kind = step.creates!;
  const named = kind === "order" ? data.order.referenceId : kind === "item" ? data.item.referenceId : undefined;
  return `${KIND_NAMES[kind]}${named ? ` ${named}` : ""} (${step.id} got no answer: it may exist)`;
}

export async function runStep(
  client: OrderClient,
  step: Step,
  resources: Resources,
  data: VerifyData,
): Promise<StepOutcome> {
  const missing = step.needs.filter((kind) => resources.ref(kind) === undefined);
  if (missing.length > 0) {
    const message = `not run: no ${missing.map((kind) => KIND_NAMES[kind]).join(" or ")} to work on`;
    return { row: stepRow(step, "error", [{ path: "", rule: "notRun", message }]), undocumented: [] };
  }
  let received: Received;
  try {
    const answer = await step.send(client, (kind) => resources.ref(kind)!, data);
    const { status, ok } = answer.response;
    received = { status, body: ok ? answer.data : answer.error, violations: [] };
  } catch (error) {
    if (!(error instanceof ResponseValidationError)) {
      if (step.creates) resources.unaccounted.push(mayExist(step, data));
      const message = error instanceof Error ? `${error.name}: ${error.message.split("\n", 1)[0]}` : String(error);
      return { row: stepRow(step, "error", [{ path: "", rule: "error", message }]), undocumented: [] };
    }
    received = { status: error.status, body: error.data, violations: error.violations };
  }
  track(step, received, resources);
  const row: Row = { ...stepRow(step, "ok"), seen: received.status, ...judge(received, OPERATIONS[step.id]!.status) };
  const { schema } = OPERATIONS[step.id]!;
  if (received.status !== row.expected || schema === undefined || received.body === undefined) {
    return { row, undocumented: [] };
  }
  row.notes = envelopeNotes(schema, received.body);
  return { row, undocumented: undocumentedFields(schema, received.body) };
}
