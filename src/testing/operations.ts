// Which operation a request is for, and its query read the way the spec types it.
import type { FakeOperation } from "./operation-names.js";
import { type Handler, ROUTES } from "./routes.js";

export interface MatchedOperation {
  /** `METHOD /path/template`, the key of the spec's validators. */
  key: FakeOperation;
  handler: Handler;
  /** The path parameters, decoded. */
  params: Record<string, string>;
  /** Whatever comes before `/v2.1/` in the path: the base URL's own path, if it has one. */
  prefix: string;
}

interface Route {
  key: FakeOperation;
  method: string;
  pattern: RegExp;
  names: string[];
}

function compile(key: FakeOperation): Route {
  const [method, template] = key.split(" ") as [string, string];
  const names: string[] = [];
  const source = template
    .split("/")
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    })
    .join("/");
  return { key, method, pattern: new RegExp(`^(.*?)${source}$`), names };
}

const ROUTE_LIST = (Object.keys(ROUTES) as FakeOperation[]).map(compile);

/** The operation for a method and a URL path, or undefined when the spec has none. */
export function matchOperation(method: string, pathname: string): MatchedOperation | undefined {
  for (const route of ROUTE_LIST) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 2]!)]));
    } catch {
      continue;
    }
    return { key: route.key, handler: ROUTES[route.key], params, prefix: match[1]! };
  }
  return undefined;
}

/** The query parameters the spec types as other than strings (the same for every operation that has them). */
export const QUERY_TYPES: Readonly<Record<string, "integer" | "boolean">> = {
  offset: "integer",
  limit: "integer",
  expand: "boolean",
};

/** Reads query values as the spec types them; a value that does not parse stays a string, so validation reports it. */
export function typedQuery(search: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [name, value] of search) {
    const type = QUERY_TYPES[name];
    if (type === "integer" && /^-?\d+$/.test(value)) query[name] = Number(value);
    else if (type === "boolean" && (value === "true" || value === "false")) query[name] = value === "true";
    else query[name] = value;
  }
  return query;
}
