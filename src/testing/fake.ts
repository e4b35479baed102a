// createFakeCdp: the Order REST API v2.1 in memory, behind a standard fetch function.
import { basicAuthorization } from "../auth.js";
import { type Answer, errorBody, FakeCdpBugError, respond, violationsBody } from "./answers.js";
import {
  type CallFaults,
  connectionFailure,
  droppedConnection,
  type Fault,
  FaultRules,
  type FaultScope,
  pause,
} from "./faults.js";
import { matchOperation, typedQuery } from "./operations.js";
import { Problem, type RouteAnswer } from "./render.js";
import { loadSpecChecks } from "./spec-checks.js";
import { FakeStore } from "./store.js";
import { type FakeStoreView, storeView } from "./store-view.js";

/** The credentials the fake accepts unless told otherwise. */
export const DEFAULT_CLIENT_KEY = "fake-client-key";
export const DEFAULT_API_TOKEN = "fake-api-token";

export interface FakeCdpOptions {
  /** The client key Basic auth must carry; default `"fake-client-key"`. */
  clientKey?: string;
  /** The API token Basic auth must carry; default `"fake-api-token"`. */
  apiToken?: string;
  /**
   * `"match"` (default), as the API does: a create with the referenceId of an order whose
   * orderedAt is at most two days from its own is that order. `"keep"`: every create makes a
   * new order, so a test sees a duplicate create in `store`.
   */
  duplicateOrders?: "match" | "keep";
}

export type FakeFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface FakeCdp {
  /** A standard fetch: give it to `createOrderClient({ fetch })`. Any origin; hrefs use the request's. */
  readonly fetch: FakeFetch;
  /** Read-only inspection of what the fake holds. */
  readonly store: FakeStoreView;
  /** Empties the store and removes every fault. */
  reset(): void;
  /** Makes calls fail (see Fault and FaultScope); returns a function that removes this fault. */
  fail(fault: Fault, scope?: FaultScope): () => void;
}

/** What this repository's HTTP adapter (test/fake-cdp) reaches beside the public fake. */
export interface FakeCdpCore {
  fake: FakeCdp;
  /** The state itself, not a copy. */
  state: FakeStore;
  /** Lists answer links even with `expand=true`, as a list that ignores it would. */
  settings: { ignoreExpand: boolean };
  /** Answers a request with the given faults instead of those added by `fail`. */
  handle(request: Request, faults?: CallFaults): Promise<Response>;
}

export interface FakeCdpHooks {
  /** Told why a request got a 400 for breaking the spec or for a body that is not JSON. */
  badRequest?(request: Request, why: string): void;
}

const NO_FAULTS: CallFaults = { latencyMs: 0 };

const UNAUTHORIZED_DETAIL =
  "The fake accepts Basic auth with the clientKey and apiToken it was created with " +
  `(by default "${DEFAULT_CLIENT_KEY}" and "${DEFAULT_API_TOKEN}").`;

function injected(fault: Extract<Fault, { kind: "status" }>): Answer {
  const retryAfter = fault.retryAfter ?? (fault.status === 429 ? "1" : undefined);
  const message = fault.processed ? "Injected fault after the request took effect." : "Injected fault.";
  return {
    status: fault.status,
    body: errorBody(fault.status, message, `The fake CDP answered ${fault.status} because a test asked it to.`),
    ...(retryAfter === undefined ? {} : { headers: { "retry-after": String(retryAfter) } }),
  };
}

export function createFakeCdpCore(options: FakeCdpOptions = {}, hooks: FakeCdpHooks = {}): FakeCdpCore {
  const state = new FakeStore();
  const rules = new FaultRules();
  const settings = { ignoreExpand: false };
  const duplicateOrders = options.duplicateOrders ?? "match";
  const authorization = basicAuthorization(
    options.clientKey ?? DEFAULT_CLIENT_KEY,
    options.apiToken ?? DEFAULT_API_TOKEN,
  );

  async function handle(request: Request, faults?: CallFaults): Promise<Response> {
    const url = new URL(request.url);
    const matched = matchOperation(request.method, url.pathname);
    const { latencyMs, fault } = faults ?? (matched ? rules.take(matched.key) : NO_FAULTS);
    await pause(latencyMs, request.signal);
    if (fault?.kind === "connection-failure") throw connectionFailure();
    const checks = await loadSpecChecks();
    const operation = matched?.key;
    const check = operation === undefined ? undefined : { checks, operation, request };

    if (request.headers.get("authorization") !== authorization)
      return respond({ status: 401, body: errorBody(401, "Unauthorized", UNAUTHORIZED_DETAIL) }, check);
    if (matched === undefined || check === undefined)
      return respond({ status: 404, body: errorBody(404, `No operation ${request.method} ${url.pathname}.`) });
    // An injected answer the spec does not document (a gateway's 502 or 503) is the test's choice, not checked.
    const checkInjected = fault?.kind === "status" && !checks.declares(operation!, fault.status) ? undefined : check;
    if (fault?.kind === "status" && !fault.processed) return respond(injected(fault), checkInjected);

    const text = await request.text();
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      hooks.badRequest?.(request, "the body is not JSON");
      return respond({ status: 400, body: errorBody(400, "The body is not JSON.") }, check);
    }
    const query = typedQuery(url.searchParams);
    const violations = checks.request(matched.key, { path: matched.params, query, body });
    if (violations.length > 0) {
      hooks.badRequest?.(request, violations.map((v) => `${v.path}: ${v.message}`).join("; "));
      return respond({ status: 400, body: violationsBody(matched.key, violations) }, check);
    }
    // Nothing has changed yet: an abort during the wait or the load still means no effect.
    if (request.signal.aborted) throw request.signal.reason;

    let answer: RouteAnswer;
    try {
      answer = matched.handler({
        store: state,
        base: `${url.origin}${matched.prefix}`,
        pageUrl: `${url.origin}${url.pathname}`,
        params: matched.params,
        query,
        body,
        duplicateOrders,
        ignoreExpand: settings.ignoreExpand,
      });
    } catch (error) {
      if (!(error instanceof Problem)) {
        throw new FakeCdpBugError(
          `sitecore-cdp-orders/testing: the fake CDP failed on ${request.method} ${request.url}. ` +
            "This is a bug in the fake, not in the code under test.",
          { cause: error },
        );
      }
      answer = { status: error.status, body: errorBody(error.status, error.message, error.developerMessage) };
    }
    const response = respond(answer, check);
    if (fault?.kind === "dropped-after-processing") throw droppedConnection();
    if (fault?.kind === "status") return respond(injected(fault), checkInjected);
    return response;
  }

  const fake: FakeCdp = Object.freeze({
    fetch: async (input: string | URL | Request, init?: RequestInit) => handle(new Request(input, init)),
    store: storeView(state),
    reset() {
      state.clear();
      rules.clear();
    },
    fail: (fault: Fault, scope?: FaultScope) => rules.add(fault, scope),
  });
  return { fake, state, settings, handle };
}

/**
 * A stateful fake of the Sitecore CDP Order REST API v2.1 for tests, in memory: pass its
 * `fetch` to `createOrderClient`. Every request is checked against the spec (a request that
 * breaks it gets a 400 naming the rule), every answer too (one that breaks it is a bug in the
 * fake: the fetch rejects with FakeCdpBugError).
 */
export function createFakeCdp(options: FakeCdpOptions = {}): FakeCdp {
  return createFakeCdpCore(options).fake;
}
