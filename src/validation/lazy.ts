// The validators are most of the package's weight, so bundlers split them out of the entry
// the client loads: each set is imported on first use, and called directly once it is there.
import { RequestValidationError, type Violation } from "../errors/index.js";
import type { RequestParts } from "./request-violations.js";

type RequestCheck = (operation: string, parts: RequestParts) => Violation[];
type ResponseCheck = typeof import("./response-violations.js")["responseViolations"];

/** Imports a chunk once; a failed load (a chunk the network did not deliver) is tried again next time. */
function loader<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

const loadRequests = loader(() => import("./request-violations.js"));

/**
 * Loads the request validators the client runs before sending, and returns the check they
 * make: every way a request for `operation` (`"POST /v2.1/orders"`) breaks the spec, empty
 * when it is valid (an operation the spec does not have passes). Loaded on first use, as the
 * client does: they are most of the package's weight, and stay out of what an import loads.
 */
export async function loadRequestViolations(): Promise<RequestCheck> {
  return (await loadRequests()).requestViolations;
}
let requestCheck: RequestCheck | undefined;

/** The response check, loaded on first use into a chunk of its own, as the request validators are. */
export const loadResponseViolations = loader(async (): Promise<ResponseCheck> => {
  return (await import("./response-violations.js")).responseViolations;
});

function check(operation: string, parts: RequestParts, requestViolations: RequestCheck): void {
  const violations = requestViolations(operation, parts);
  if (violations.length > 0) throw new RequestValidationError(operation, violations);
}

/**
 * Throws RequestValidationError listing every way the request breaks the spec. Once the
 * validators are loaded it checks at once, with no promise to wait for. It throws here rather
 * than in the chunk, so the error classes stay in the entry and are not split into a chunk
 * both would share.
 */
export function validateBeforeSending(operation: string, parts: RequestParts): Promise<void> | undefined {
  if (requestCheck) {
    check(operation, parts, requestCheck);
    return undefined;
  }
  return loadRequests().then(({ requestViolations }) => {
    requestCheck = requestViolations;
    check(operation, parts, requestViolations);
  });
}
