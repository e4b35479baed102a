// Runs the benchmark server in its own process, so the server's work does not land on the
// event loop of the client being measured (as with a real, remote API). The parent talks
// to it over the IPC channel: it learns the URL, reads and resets the request count.
import { startBenchServer } from "./server.js";

export type ToServer = { type: "count" } | { type: "reset" } | { type: "close" };
export type FromServer = { type: "ready"; baseUrl: string } | { type: "count"; requests: number } | { type: "reset" };

const send = (message: FromServer) => process.send?.(message);

const server = await startBenchServer({
  items: Number(process.env.BENCH_ITEMS),
  latencyMs: Number(process.env.BENCH_LATENCY_MS),
});
let closing: Promise<void> | undefined;
const close = () => (closing ??= server.close());
process.on("message", (message: ToServer) => {
  switch (message.type) {
    case "count":
      send({ type: "count", requests: server.requests });
      break;
    case "reset":
      server.resetRequestCount();
      send({ type: "reset" });
      break;
    case "close":
      void close().then(() => process.disconnect());
      break;
  }
});
// Without a parent there is nobody to serve.
process.on("disconnect", () => void close());
send({ type: "ready", baseUrl: server.baseUrl });
