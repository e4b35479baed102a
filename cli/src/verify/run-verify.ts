// `cdp-orders verify`: the plan's 38 steps in order against the tenant, each answer checked
// against the spec, then whatever the run created and did not delete is deleted, newest
// first, whether the steps succeeded, failed or were interrupted (unless `keep`).
import type { OrderClient } from "sitecore-cdp-orders";
import { cleanUp, keptResources, type Cleanup } from "./cleanup.js";
import { PLAN, type OperationId } from "./plan.js";
import { Resources } from "./resources.js";
import { runStep, stepRow, type Row } from "./run-step.js";
import type { VerifyData } from "./test-data.js";

export const VERIFY_EXIT = { ok: 0, failed: 1, interrupted: 130 } as const;

export interface VerifyStop {
  /** Set by an interrupt: the step in flight finishes, no other starts, the cleanup runs. */
  interrupted: boolean;
}

export interface VerifyOptions {
  /** A client that validates answers strictly (`validateResponses: "strict"`). */
  client: OrderClient;
  data: VerifyData;
  /** Leave the data in place: the deletes are not run. */
  keep: boolean;
  stop: VerifyStop;
  /** Told of each row as its step ends. */
  onRow?: (row: Row) => void;
  /** Told when the cleanup starts, with how many resources it deletes. */
  onCleanup?: (count: number) => void;
}

export interface UndocumentedSummary {
  schema: string;
  field: string;
  /** The operations whose answers had it. */
  operations: OperationId[];
}

export interface VerifyResult {
  rows: Row[];
  undocumented: UndocumentedSummary[];
  cleanup: Cleanup;
  interrupted: boolean;
  exitCode: number;
}

export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const { client, data, keep, stop } = options;
  const resources = new Resources();
  const rows: Row[] = [];
  const undocumented = new Map<string, UndocumentedSummary>();
  let cleanup: Cleanup | undefined;
  try {
    for (const step of PLAN) {
      let row: Row;
      if (stop.interrupted)
        row = stepRow(step, "error", [{ path: "", rule: "notRun", message: "not run: interrupted" }]);
      else if (keep && step.deletes) {
        row = stepRow(step, "skipped", [{ path: "", rule: "keep", message: "not run: --keep leaves the data" }]);
      } else {
        const outcome = await runStep(client, step, resources, data);
        row = outcome.row;
        for (const { schema, field } of outcome.undocumented) {
          const key = `${schema}\n${field}`;
          const entry = undocumented.get(key) ?? { schema, field, operations: [] };
          if (!entry.operations.includes(step.id)) entry.operations.push(step.id);
          undocumented.set(key, entry);
        }
      }
      rows.push(row);
      options.onRow?.(row);
    }
  } finally {
    if (keep) cleanup = keptResources(resources);
    else {
      options.onCleanup?.(resources.left().length);
      cleanup = await cleanUp(client, resources);
    }
  }
  const allOk = rows.every((row) => row.result === "ok") && cleanup.left.length === 0;
  return {
    rows,
    undocumented: [...undocumented.values()].sort(
      (a, b) => a.schema.localeCompare(b.schema) || a.field.localeCompare(b.field),
    ),
    cleanup,
    interrupted: stop.interrupted,
    exitCode: stop.interrupted ? VERIFY_EXIT.interrupted : allOk ? VERIFY_EXIT.ok : VERIFY_EXIT.failed,
  };
}
