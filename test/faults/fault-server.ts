// A scripted HTTP server on 127.0.0.1 for fault-injection tests. Each request is
// answered by the next step of the script: a normal answer (optionally late), a reset
// before or in the middle of the answer, or a redirect. Every request is recorded.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface Answer {
  status: number;
  /** The reason phrase, written as Latin-1 bytes. */
  statusText?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** How to answer one request. Every form may wait `delayFirstByteMs` before sending anything. */
export type Step = { delayFirstByteMs?: number } & (
  | Answer
  | { resetBeforeResponse: true }
  | { resetMidBody: true; status: number; headers?: Record<string, string>; partialBody: string }
  | { redirectTo: string; status?: 301 | 302 | 303 | 307 | 308 }
);

/** A step, or a function that builds it when the request arrives (for time-dependent headers). */
export type ScriptStep = Step | ((request: RecordedRequest) => Step);

export interface RecordedRequest {
  /** 1-based position among the requests this server received. */
  index: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `Date.now()` when the request arrived. */
  receivedAt: number;
  /** What the server did: an answer (with its status), a reset, a mid-body reset, or a redirect. */
  action?: "answer" | "reset" | "reset-mid-body" | "redirect" | "unscripted";
  status?: number;
  /** The headers the server sent (lower-case names). */
  answerHeaders?: Record<string, string>;
  /** How long the server waited before its first byte. */
  delayFirstByteMs?: number;
  /** `Date.now()` when the first byte (or the reset) went out; unset if the client left first. */
  answeredAt?: number;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Requests received so far, counted on arrival (before their body is read). */
  readonly attempts: number;
  /** Every request whose body was read, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests that arrived after the script ran out (answered 500 `unscripted`). */
  readonly unscripted: number;
  /** Replaces the script and starts counting afresh: the next request gets `steps[0]`. */
  script(steps: readonly ScriptStep[]): void;
  /** Stops listening, destroys open sockets and cancels pending delayed answers. */
  close(): Promise<void>;
}

const noop = () => {};

// The server's delays run on the real clock, also in a test that fakes the timers of the
// client it serves: taken before any test can replace the globals.
const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = globalThis;

function lowerCase(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

export async function startFaultServer(): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: RecordedRequest[] = [];
  let steps: readonly ScriptStep[] = [];
  let attempts = 0;
  let unscripted = 0;
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const timer = realSetTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  const apply = (step: Step, record: RecordedRequest, res: ServerResponse, socket: Socket) => {
    if (socket.destroyed || res.destroyed) return; // the client left while the server waited
    record.answeredAt = Date.now();
    if ("resetBeforeResponse" in step) {
      record.action = "reset";
      socket.resetAndDestroy();
      return;
    }
    if ("resetMidBody" in step) {
      record.action = "reset-mid-body";
      record.status = step.status;
      const partial = Buffer.from(step.partialBody);
      // Announce more bytes than will come, so the body is provably cut short.
      const headers = {
        "content-type": "application/json",
        ...lowerCase(step.headers),
        "content-length": String(partial.length + 64),
      };
      record.answerHeaders = headers;
      res.writeHead(step.status, headers);
      res.write(partial, () => later(25, () => socket.resetAndDestroy()));
      return;
    }
    if ("redirectTo" in step) {
      record.action = "redirect";
      record.status = step.status ?? 307;
      record.answerHeaders = { location: step.redirectTo };
      res.writeHead(record.status, record.answerHeaders);
      res.end();
      return;
    }
    record.action = "answer";
    record.status = step.status;
    record.answerHeaders = lowerCase(step.headers);
    if (step.statusText === undefined) res.writeHead(step.status, record.answerHeaders);
    else res.writeHead(step.status, step.statusText, record.answerHeaders);
    res.end(step.body ?? "");
  };

  const server: Server = createServer((req, res) => {
    attempts += 1;
    const index = attempts;
    const receivedAt = Date.now();
    const socket = req.socket;
    req.on("error", noop);
    res.on("error", noop);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const record: RecordedRequest = {
        index,
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt,
      };
      requests.push(record);
      const scripted = steps[index - 1];
      if (scripted === undefined) {
        unscripted += 1;
        record.action = "unscripted";
        record.status = 500;
        record.answeredAt = Date.now();
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: 500, message: `fault server: no step scripted for request ${index}` }));
        return;
      }
      const step = typeof scripted === "function" ? scripted(record) : scripted;
      record.delayFirstByteMs = step.delayFirstByteMs ?? 0;
      if (record.delayFirstByteMs > 0) later(record.delayFirstByteMs, () => apply(step, record, res, socket));
      else apply(step, record, res, socket);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("error", noop);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("clientError", (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get attempts() {
      return attempts;
    },
    get requests() {
      return requests;
    },
    get unscripted() {
      return unscripted;
    },
    script(next) {
      steps = [...next];
      attempts = 0;
      requests.length = 0;
      unscripted = 0;
    },
    close() {
      closed = true;
      for (const timer of timers) realClearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

/** Runs `body` against a fresh fault server that answers with `steps`, and closes it after. */
export async function withFaultServer<T>(steps: ScriptStep[], body: (server: FaultServer) => Promise<T>): Promise<T> {
  const server = await startFaultServer();
  server.script(steps);
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

/**
 * A loopback port nothing listens on: bound to an ephemeral port, then closed. Another
 * process could take it in the meantime, so use it right away.
 */
export async function freedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A JSON answer. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

/** The codes along an error's cause chain (at most 5 deep). */
export function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    current = current.cause;
  }
  return codes;
}
