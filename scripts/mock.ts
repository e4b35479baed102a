// Serves the spec with Prism until interrupted: `npm run mock -- --port 4010`.
import { parseArgs } from "node:util";
import { startPrism } from "./prism.js";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" } } });
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port must be a TCP port number, got "${values.port}"`);
  process.exit(2);
}
const prism = await startPrism(port === undefined ? {} : { port }).catch((error: unknown) => {
  console.error(`The mock did not start: ${(error as Error).message}`);
  process.exit(1);
});
console.log(`Prism mock of the Order REST API v2.1 at ${prism.baseUrl} (pid ${prism.pid}); Ctrl-C stops it.`);
let stopping = false;
// Prism ending on its own ends the mock, as a failure.
void prism.exited.then((code) => {
  if (stopping) return;
  console.error(`Prism exited (code ${code ?? "none"}).`);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopping = true;
    void prism.stop().then(() => process.exit(0));
  });
}
