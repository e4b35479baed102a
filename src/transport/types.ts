import type { RequestDescription } from "../errors/index.js";

/** A request body that can be sent again: openapi-fetch's JSON text, or bytes read once. */
export type Payload = string | ArrayBuffer | undefined;

/** One request as the transport's layers pass it on: re-sendable, its signal the current one. */
export interface Outgoing {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: Payload;
  /** Caller's signal above the attempt layer; the attempt's own below it. */
  readonly signal: AbortSignal | undefined;
  /** The call's other fetch options (`cache`, `keepalive`, a framework's own), when it has any. */
  readonly options: RequestInit | undefined;
}

/** What the layers of one call share: set by the client and by the layers as the call goes. */
export interface Call {
  /** The request as the client sent it, before any redirect, with its operation's name for errors. */
  request: RequestDescription;
  /** The body as the client sent it, for errors that keep what was sent. */
  body: Payload;
  /** When the whole call must be over (epoch ms). */
  deadlineAt: number;
  /** The attempt under way, from 1. */
  attempt: number;
  /** Set once a 303 answered a POST or PATCH: it was processed, so it is never sent again. */
  processed: boolean;
  /** The parsed body of the answer the transport returned, so it is not parsed twice. */
  parsed?: { response: Response; data: unknown };
}

/** A fetch of the transport's own: the request, and the call it belongs to. */
export type Send = (request: Outgoing, call: Call) => Promise<Response>;

/** One concern of the transport, wrapped around the next. */
export type Layer = (next: Send) => Send;
