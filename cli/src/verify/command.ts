// `cdp-orders verify` from the command line: the client (strict response validation), the
// confirmation a tenant that is not on loopback needs, Ctrl-C, and the report on stdout.
import { UsageError, type CliValues } from "../args.js";
import { createCliClient } from "../cli-client.js";
import type { CliIo } from "../run-cli.js";
import { confirm, describePlan, isLoopback } from "./confirm.js";
import { PLAN } from "./plan.js";
import { describeVerify, verifyJson } from "./report.js";
import { runVerify, VERIFY_EXIT, type VerifyStop } from "./run-verify.js";
import { verifyData } from "./test-data.js";

type Output = { write: (text: string) => void };

/** The exit code when the run was not confirmed: nothing was sent. */
export const NOT_CONFIRMED_EXIT_CODE = 2;

export async function verifyCommand(
  positionals: string[],
  values: CliValues,
  io: CliIo,
  stdout: Output,
  stderr: Output,
): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`verify takes no file; unexpected "${positionals[0]}".`);
  const { client } = createCliClient(values, io.env, 1, { validateResponses: "strict" });
  const target = client.baseUrl;
  const data = verifyData(new Date());
  const keep = values.keep === true;
  const stop: VerifyStop = { interrupted: false };
  const asking = new AbortController();
  let running = false;
  io.onInterrupt?.(() => {
    stop.interrupted = true;
    asking.abort();
    if (running) {
      const then = keep ? "leaving what was created" : "deleting what was created";
      stderr.write(`\nStopping: finishing the request in flight, then ${then} (interrupt again to stop at once).\n`);
    }
  });

  if (!isLoopback(target) && values.yes !== true) {
    stderr.write(`${describePlan(target, data, keep)}\n`);
    const answer = await confirm(io.stdin, io.stderr, asking.signal);
    if (answer === "interrupted") return VERIFY_EXIT.interrupted;
    if (answer !== "yes") {
      const why = answer === "no terminal" ? "there is no terminal to ask on; give --yes to proceed" : "not confirmed";
      stderr.write(`cdp-orders: ${why}. Nothing was sent.\n`);
      return NOT_CONFIRMED_EXIT_CODE;
    }
  }

  running = true;
  stderr.write(`verify: ${PLAN.length} operations against ${target}, on data named ${data.prefix}-…\n`);
  const result = await runVerify({
    client,
    data,
    keep,
    stop,
    onCleanup: (count) => {
      if (count > 0) stderr.write(`verify: deleting the ${count} resources the steps left, newest first…\n`);
    },
  });
  if (values.json) stdout.write(`${JSON.stringify(verifyJson(result, target, data.prefix))}\n`);
  else stdout.write(`${describeVerify(result, target, data.prefix)}\n`);
  return result.exitCode;
}
