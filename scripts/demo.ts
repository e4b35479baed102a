// `npm run demo`: Sitecore's get-started flow for the Order REST API v2.1, step by step.
// With CDP_CLIENT_KEY, CDP_API_TOKEN and CDP_REGION all set it runs against that tenant;
// otherwise against Prism serving openapi/openapi.yaml, started here and stopped at the end.
import { createOrderClient, type OrderClient } from "../src/index.js";
import { describeError, runDemo, StepFailure, TOTAL_STEPS } from "./demo-steps.js";
import { startPrism, type RunningPrism } from "./prism.js";

const ENV_KEYS = ["CDP_CLIENT_KEY", "CDP_API_TOKEN", "CDP_REGION"] as const;

// A closed stdout (`npm run demo | head`) must not crash the demo past its cleanup.
process.stdout.on("error", (error) => {
  if (!("code" in error && error.code === "EPIPE")) throw error;
});

/** Stops Prism, by its own stop(), when the demo itself is interrupted or terminated. */
function stopOnSignals(prism: RunningPrism): void {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`${signal}: stopping the embedded mock.`);
      void prism.stop().finally(() => process.exit(code));
    });
  }
}

async function main(): Promise<number> {
  const missing = ENV_KEYS.filter((key) => (process.env[key] ?? "").trim() === "");
  let prism: RunningPrism | undefined;
  try {
    let client: OrderClient;
    if (missing.length === 0) {
      client = createOrderClient(); // reads the three variables itself
      const region = (process.env.CDP_REGION ?? "").trim().toLowerCase();
      console.log(
        `Using the Sitecore CDP tenant in region "${region}" (credentials from CDP_CLIENT_KEY and CDP_API_TOKEN).`,
      );
    } else {
      console.log(`Using the embedded mock: ${missing.join(", ")} not set. Starting Prism ...`);
      prism = await startPrism();
      stopOnSignals(prism);
      client = createOrderClient({ baseUrl: prism.baseUrl, clientKey: "demo-client-key", apiToken: "demo-api-token" });
      console.log(`Embedded mock (Prism, openapi/openapi.yaml) at ${prism.baseUrl}, placeholder credentials.`);
      console.log("The mock answers every request with the spec's examples, so refs repeat and ignore what was sent.");
    }
    const guestRef = await runDemo(client);
    console.log(`Finished: all ${TOTAL_STEPS} steps ok; the order's guest is ${guestRef}.`);
    if (!prism) console.log("Note: the Order API does not delete guests; the guest stays in the tenant.");
    return 0;
  } catch (error) {
    if (error instanceof StepFailure) {
      console.error(error.message);
      if (error.cleanup) console.error(`Cleanup was incomplete: ${error.cleanup.message}`);
    } else {
      console.error(`The demo could not start: ${describeError(error)}`);
    }
    return 1;
  } finally {
    try {
      await prism?.stop();
    } catch (error) {
      console.error(`Could not stop the embedded mock (pid ${prism?.pid}): ${describeError(error)}`);
    }
  }
}

process.exitCode = await main();
