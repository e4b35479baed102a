// The contract suites, one per tag of the spec, each written once against a target.
// `prism.test.ts` and `fake.test.ts` run all of them, each against its server.
import { describe } from "vitest";
import { type ContractTarget, describeTarget, type TargetDefinition } from "../support/targets.js";
import { orderOperations } from "./order.js";
import { orderConsumerOperations } from "./order-consumer.js";
import { orderContactOperations } from "./order-contact.js";
import { orderDataExtensionOperations } from "./order-data-extension.js";
import { orderItemOperations } from "./order-item.js";
import { orderItemDataExtensionOperations } from "./order-item-data-extension.js";

export interface ContractSuite {
  /** Its file in suites/, named after the tag of its operations. */
  file: string;
  title: string;
  tests: (target: ContractTarget) => void;
}

export const CONTRACT_SUITES: readonly ContractSuite[] = [
  { file: "order.ts", title: "Order operations", tests: orderOperations },
  { file: "order-item.ts", title: "Order item operations", tests: orderItemOperations },
  { file: "order-contact.ts", title: "Order contact operations", tests: orderContactOperations },
  { file: "order-consumer.ts", title: "Order consumer operations", tests: orderConsumerOperations },
  { file: "order-data-extension.ts", title: "Order data extension operations", tests: orderDataExtensionOperations },
  {
    file: "order-item-data-extension.ts",
    title: "Order item data extension operations",
    tests: orderItemDataExtensionOperations,
  },
];

/** Every contract suite against one target, whose server starts once for all of them. */
export function runContractSuites(definition: TargetDefinition): void {
  describeTarget(definition, `The contract against ${definition.name}`, (target) => {
    for (const suite of CONTRACT_SUITES) describe(suite.title, () => suite.tests(target));
  });
}
