// Serves the spec with Prism until interrupted: `npm run mock -- --port 4010`.
import { parseArgs } from "node:util";
import { startPrism } from "./prism.js";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" } } });
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port must be a TCP port number, got "${values.port}"`);
  process.exit(2);
}
const prism = await startPrism(port === undefined ? {} : { port });
console.log(`Prism mock of the Order REST API v2.1 at ${prism.baseUrl} (pid ${prism.pid}); Ctrl-C stops it.`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void prism.stop().then(() => process.exit(0)));
}
