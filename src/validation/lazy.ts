import { RequestValidationError } from "../errors/index.js";
import type { RequestParts } from "./request-violations.js";

let loading: Promise<typeof import("./request-violations.js")> | undefined;
let loadingResponses: Promise<typeof import("./response-violations.js")> | undefined;

/** The response check, loaded on first use into a chunk of its own, as the request validators are. */
export async function loadResponseViolations(): Promise<
  typeof import("./response-violations.js")["responseViolations"]
> {
  loadingResponses ??= import("./response-violations.js").catch((error: unknown) => {
    loadingResponses = undefined;
    throw error;
  });
  return (await loadingResponses).responseViolations;
}

/**
 * Validates like `validateRequest`, loading the compiled validators on first use: they are
 * most of the package's weight, so bundlers split them out of the entry the client loads.
 * It throws here rather than loading `validateRequest`, so the error classes stay in the
 * entry and are not split into a chunk both would share.
 */
export async function validateBeforeSending(operation: string, parts: RequestParts): Promise<void> {
  // A failed load (a chunk the network did not deliver) is tried again by the next call.
  loading ??= import("./request-violations.js").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  const { requestViolations } = await loading;
  const violations = requestViolations(operation, parts);
  if (violations.length > 0) throw new RequestValidationError(operation, violations);
}
