// A recording proxy on 127.0.0.1: it forwards every request, byte for byte, to one upstream
// server (Prism, or the fake) and records what came over the wire and what the upstream
// answered. The contract tests read the record to assert what the client sent, as the
// server received it: the path as encoded, the query, the headers and the body.
import { once } from "node:events";
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as it arrived at the proxy, and the status and headers the upstream answered. */
export interface RecordedRequest {
  method: string;
  /** The path as it went over the wire, percent-encoding and all. */
  path: string;
  /** The query string as sent, without its `?`; "" when there is none. */
  search: string;
  /** The query's parameters, decoded; a name sent twice keeps its last value (see `search`). */
  query: Record<string, string>;
  /** The request headers, names lower-cased, repeated ones joined with ", ". */
  headers: Record<string, string>;
  /** The body as text; "" when there is none. */
  bodyText: string;
  /** The body parsed as JSON; undefined when there is none, the text itself when it is not JSON. */
  body: unknown;
  /** The upstream's answer; undefined when the upstream could not be reached or the client left. */
  response?: { status: number; headers: Record<string, string> };
}

export interface RecordingProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every request received since the start or the last `clear()`, in arrival order. */
  recorded(): RecordedRequest[];
  clear(): void;
  close(): Promise<void>;
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function parsedBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readAll(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts a proxy on a free loopback port that forwards to `upstream` (`http://host:port`). */
export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  let recorded: RecordedRequest[] = [];

  const server = createServer({ keepAlive: true }, (incoming, outgoing) => {
    void (async () => {
      const body = await readAll(incoming);
      // The request line's target, exactly as sent: the URL parser is used for the query only.
      const raw = incoming.url ?? "/";
      const at = raw.indexOf("?");
      const search = at === -1 ? "" : raw.slice(at + 1);
      const bodyText = body.toString("utf8");
      const entry: RecordedRequest = {
        method: incoming.method ?? "GET",
        path: at === -1 ? raw : raw.slice(0, at),
        search,
        query: Object.fromEntries(new URLSearchParams(search)),
        headers: flatHeaders(incoming.headers),
        bodyText,
        body: parsedBody(bodyText),
      };
      recorded.push(entry);

      const forwarded = httpRequest({
        agent,
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: raw,
        headers: { ...incoming.headers, host: target.host },
      });
      forwarded.on("response", (answer) => {
        entry.response = { status: answer.statusCode ?? 0, headers: flatHeaders(answer.headers) };
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      forwarded.on("error", () => {
        // The upstream reset the connection (the fake's injected faults do): so does the proxy.
        incoming.socket.destroy();
      });
      forwarded.end(body);
    })().catch(() => incoming.socket.destroy());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    recorded: () => [...recorded],
    clear() {
      recorded = [];
    },
    async close() {
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
      agent.destroy();
    },
  };
}
