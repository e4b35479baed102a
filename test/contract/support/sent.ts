// Assertions on what the client sent, as the recording proxy saw it, and on what came back.
// The expected path, query and Authorization are built here from first principles (RFC 3986
// percent-encoding, RFC 7617 Basic), not with the client's own helpers.
import { expect } from "vitest";
import type { RecordedRequest } from "./recording-proxy.js";
import { type ContractTarget, markSentChecked } from "./targets.js";

export interface ExpectedRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path template, as the client call names it. */
  path: string;
  params?: {
    path?: Record<string, string>;
    /** Each value as it reads on the wire: `expand: "true"`, `limit: "20"`. */
    query?: Record<string, string>;
  };
  /** The JSON body, compared with the body sent once parsed. */
  body?: unknown;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** RFC 3986 percent-encoding of one path segment: every byte but the unreserved characters. */
export function encodeSegment(value: string): string {
  let encoded = "";
  for (const char of value) {
    if (UNRESERVED.test(char)) encoded += char;
    else
      for (const byte of Buffer.from(char, "utf8")) encoded += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/** The template with each `{name}` replaced by its encoded value. */
export function encodedPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeSegment(value);
  });
}

/** The Basic `Authorization` value for the credentials. */
export function basicAuthorization(credentials: { clientKey: string; apiToken: string }): string {
  return `Basic ${Buffer.from(`${credentials.clientKey}:${credentials.apiToken}`, "utf8").toString("base64")}`;
}

/** The query's parameters as sent: a name sent more than once gets all its values, in an array. */
function sentQuery(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(search)) {
    const before = query[name];
    query[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return query;
}

/** What a test asserts of each request it sent. */
function sentShape(request: RecordedRequest) {
  return {
    method: request.method,
    path: request.path,
    query: sentQuery(request.search),
    authorization: request.headers.authorization,
    contentType: request.headers["content-type"],
    body: request.body,
  };
}

/**
 * Asserts that the requests the target received since the test began are exactly these,
 * in order: method, encoded path, query, body (and its JSON content type), and Basic
 * `Authorization` with the target's credentials.
 */
export function expectSent(target: ContractTarget, ...expected: ExpectedRequest[]): void {
  const authorization = basicAuthorization(target.credentials);
  // Marked first: a mismatch is reported once, by the assertion below.
  markSentChecked(target);
  expect(target.recorded().map(sentShape)).toEqual(
    expected.map((request) => ({
      method: request.method,
      path: encodedPath(request.path, request.params?.path),
      query: request.params?.query ?? {},
      authorization,
      contentType: request.body === undefined ? undefined : "application/json",
      body: request.body,
    })),
  );
}

/**
 * Asserts what came back. Prism answers every request with the spec's example, so the data
 * must equal it; the fake answers from its state, so the data must match `stateful`, the
 * fields that what was sent (or created before) implies.
 */
export function expectAnswer(
  target: ContractTarget,
  data: unknown,
  answers: { example: unknown; stateful: Record<string, unknown> },
): void {
  if (target.stateful) expect(data).toMatchObject(answers.stateful);
  else expect(data).toEqual(answers.example);
}
