#!/usr/bin/env node
// The `cdp-orders` executable: one command line run to its exit code; Ctrl-C as the usage says.
import { restoreTerminal } from "./import/progress.js";
import { runCli } from "./run-cli.js";

let interrupts = 0;
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onInterrupt(handler) {
    process.on("SIGINT", () => {
      // The journal is written line by line, so stopping at once loses nothing recorded.
      if (++interrupts > 1) {
        restoreTerminal(process.stderr);
        process.exit(130);
      }
      handler();
    });
  },
});
