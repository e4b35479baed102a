// The in-process cost of `responseViolations` on one body, in µs per call, beside the cost of
// JSON.parse on the same body for scale; each figure is the median of several timed rounds.
// `npm run bench` times the bodies its server sends (section (e)). Run on its own
// (npx tsx scripts/bench/response-validation.ts), it times the spec's examples: one order
// (GET /v2.1/orders/{orderRef} 200) and a page of 100 expanded order items
// (GET /v2.1/orders/{orderRef}/orderItems?expand=true 200).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { responseViolations } from "../../src/validation/response-violations.js";

export const VALIDATOR_ROUNDS = 7;

/** The median over `VALIDATOR_ROUNDS` rounds of `calls` calls of `run`, in µs per call, after a warm-up round. */
function microsPerCall(run: () => unknown, calls: number): number {
  for (let i = 0; i < calls; i++) run();
  const rounds: number[] = [];
  for (let round = 0; round < VALIDATOR_ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) run();
    rounds.push(((performance.now() - started) * 1000) / calls);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(VALIDATOR_ROUNDS / 2)]!;
}

export interface ValidatorTiming {
  /** The body's length as JSON. */
  bytes: number;
  /** `responseViolations` on the parsed body, µs per call. */
  validateMicros: number;
  /** JSON.parse of the body's text, µs per call. */
  jsonParseMicros: number;
}

/**
 * Times the check of `body`, a 200 answer (application/json) to `operation`, in rounds of
 * `calls` calls; throws if the body departs from the spec, as strict validation would.
 */
export function timeResponseValidation(operation: string, body: unknown, calls: number): ValidatorTiming {
  const violations = responseViolations(operation, 200, "application/json", body);
  if (violations.length > 0) throw new Error(`${operation}: the body breaks the spec: ${JSON.stringify(violations)}`);
  const text = JSON.stringify(body);
  return {
    bytes: Buffer.byteLength(text),
    validateMicros: microsPerCall(() => responseViolations(operation, 200, "application/json", body), calls),
    jsonParseMicros: microsPerCall(() => JSON.parse(text), calls),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const examples = new URL("../../openapi/components/examples/", import.meta.url);
  const example = (name: string) =>
    (parse(readFileSync(new URL(`${name}.yaml`, examples), "utf8")) as { value: Record<string, unknown> }).value;
  const page = {
    ...example("OrderItemList"),
    limit: 100,
    items: Array.from({ length: 100 }, () => structuredClone(example("OrderItem"))),
  };
  const cases = [
    { name: "one order", operation: "GET /v2.1/orders/{orderRef}", body: example("Order"), calls: 100_000 },
    { name: "100 expanded order items", operation: "GET /v2.1/orders/{orderRef}/orderItems", body: page, calls: 2_000 },
  ];
  for (const { name, operation, body, calls } of cases) {
    const { bytes, validateMicros, jsonParseMicros } = timeResponseValidation(operation, body, calls);
    console.log(
      `${name} (${bytes} bytes of JSON): ${validateMicros.toFixed(2)} µs per check; JSON.parse ${jsonParseMicros.toFixed(2)} µs`,
    );
  }
}
