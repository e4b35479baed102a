import { buildClient } from "../scripts/bench/built-client.js";
import { measurePerRequest, OUR_CLIENT, OUR_CLIENT_UNVALIDATED } from "../scripts/bench/per-request.js";
import { perRequestRows } from "../scripts/bench/report.js";
import { startBenchServerProcess } from "../scripts/bench/server-process.js";
import { renderTable } from "../scripts/bench/table.js";
const built = await buildClient();
const server = await startBenchServerProcess({ items: 10_000, latencyMs: 0 });
try {
  const rows = [];
  for (const method of ["GET", "POST"] as const) {
    const m = await measurePerRequest(server.baseUrl, method, built.url);
    rows.push(...perRequestRows(method, m, OUR_CLIENT, OUR_CLIENT_UNVALIDATED));
  }
  console.log(renderTable(["section", "case", "requests", "result", "compared", "target"], rows));
} finally { await server.stop(); built.remove(); }
