// Every contract suite against the fake, which answers from what the tests created.
import { runContractSuites } from "./suites/index.js";
import { FAKE } from "./support/targets.js";

runContractSuites(FAKE);
