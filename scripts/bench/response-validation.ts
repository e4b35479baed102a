// npx tsx scripts/bench/response-validation.ts: the in-process cost of `responseViolations` on
// one order (GET /v2.1/orders/{orderRef} 200) and on a page of 100 expanded order items
// (GET /v2.1/orders/{orderRef}/orderItems?expand=true 200), in µs per call, beside the cost of
// JSON.parse on the same body for scale. Each figure is the median of several timed rounds.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { responseViolations } from "../../src/validation/response-violations.js";

const EXAMPLES = new URL("../../openapi/components/examples/", import.meta.url);
const ROUNDS = 7;

function example(name: string): Record<string, unknown> {
  return (parse(readFileSync(new URL(`${name}.yaml`, EXAMPLES), "utf8")) as { value: Record<string, unknown> }).value;
}

/** The median over `ROUNDS` rounds of `calls` calls of `run`, in µs per call, after a warm-up round. */
function microsPerCall(run: () => unknown, calls: number): number {
  for (let i = 0; i < calls; i++) run();
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) run();
    rounds.push(((performance.now() - started) * 1000) / calls);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

const order = example("Order");
const page = {
  ...example("OrderItemList"),
  limit: 100,
  items: Array.from({ length: 100 }, () => structuredClone(example("OrderItem"))),
};
const cases = [
  { name: "one order", operation: "GET /v2.1/orders/{orderRef}", body: order, calls: 100_000 },
  { name: "100 expanded order items", operation: "GET /v2.1/orders/{orderRef}/orderItems", body: page, calls: 2_000 },
];

for (const { name, operation, body, calls } of cases) {
  const violations = responseViolations(operation, 200, "application/json", body);
  if (violations.length > 0) throw new Error(`${name} breaks the spec: ${JSON.stringify(violations)}`);
  const text = JSON.stringify(body);
  const validate = microsPerCall(() => responseViolations(operation, 200, "application/json", body), calls);
  const jsonParse = microsPerCall(() => JSON.parse(text), calls);
  console.log(
    `${name} (${text.length} bytes of JSON): ${validate.toFixed(2)} µs per check; JSON.parse ${jsonParse.toFixed(2)} µs`,
  );
}
