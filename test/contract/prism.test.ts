// Every contract suite against Prism, which answers each request with the spec's example.
import { runContractSuites } from "./suites/index.js";
import { PRISM } from "./support/targets.js";

runContractSuites(PRISM);
