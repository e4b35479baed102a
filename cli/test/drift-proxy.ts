// A loopback proxy in front of a server (the fake CDP) that passes every request on and
// rewrites the answers of chosen operations: a tenant that departs from the spec, made
// without touching the fake itself.
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { OPERATIONS } from "../src/verify/spec-shapes.generated.js";

export interface ProxiedAnswer {
  status: number;
  /** The parsed JSON body; undefined when there is none. */
  body: unknown;
}

/** By operationId: how its answers are changed on the way back. */
export type Rewrites = Partial<Record<string, (answer: ProxiedAnswer) => ProxiedAnswer>>;

export interface DriftProxy {
  url: string;
  /** The operationIds whose answers were rewritten, in order. */
  readonly rewritten: string[];
  close(): Promise<void>;
}

const ROUTES = Object.entries(OPERATIONS).map(([id, { method, path }]) => ({
  id,
  method,
  pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));

function operationOf(method: string, path: string): string | undefined {
  return ROUTES.find((route) => route.method === method && route.pattern.test(path))?.id;
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startDriftProxy(target: string, rewrites: Rewrites): Promise<DriftProxy> {
  const rewritten: string[] = [];
  const server = createServer(async (request, response) => {
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", target);
    const body = await readAll(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string" && name !== "host" && name !== "connection") headers.set(name, value);
    }
    const answer = await fetch(url, { method, headers, ...(body.length > 0 ? { body: body.toString("utf8") } : {}) });
    const text = await answer.text();
    let proxied: ProxiedAnswer = { status: answer.status, body: text === "" ? undefined : JSON.parse(text) };
    const operation = operationOf(method, url.pathname);
    const rewrite = operation === undefined ? undefined : rewrites[operation];
    if (rewrite) {
      proxied = rewrite(proxied);
      rewritten.push(operation!);
    }
    const out = proxied.body === undefined ? undefined : JSON.stringify(proxied.body);
    response.writeHead(proxied.status, out === undefined ? {} : { "content-type": "application/json" });
    response.end(out);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rewritten,
    async close() {
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
