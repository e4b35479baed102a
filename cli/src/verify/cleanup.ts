// Deletes what a `verify` run created and has not deleted, newest first: after its delete
// steps failed, after another step failed before them, or after an interrupt. An answer that
// drifts from the spec still counts when its status says the resource is gone.
import { ResponseValidationError, type OrderClient } from "sitecore-cdp-orders";
import { deleteResource, describeResource, type Resource, type Resources } from "./resources.js";

export interface LeftResource {
  /** What it is, as the output names it. */
  what: string;
  /** Why it is still there. */
  reason: string;
}

export interface Cleanup {
  /** What the cleanup itself deleted (the plan's delete steps delete the rest). */
  deleted: Resource[];
  /** What is still in the tenant. */
  left: LeftResource[];
}

const gone = (status: number) => (status >= 200 && status < 300) || status === 404;

async function deleteOne(client: OrderClient, resource: Resource): Promise<string | undefined> {
  try {
    const { response, error } = await deleteResource(client, resource);
    if (gone(response.status)) return undefined;
    const message = (error as { message?: unknown } | undefined)?.message;
    return `HTTP ${response.status}${typeof message === "string" ? `: ${message}` : ""}`;
  } catch (error) {
    if (error instanceof ResponseValidationError && gone(error.status)) return undefined;
    return error instanceof Error ? `${error.name}: ${error.message.split("\n", 1)[0]}` : String(error);
  }
}

export async function cleanUp(client: OrderClient, resources: Resources): Promise<Cleanup> {
  const cleanup: Cleanup = { deleted: [], left: [] };
  for (const resource of resources.left()) {
    const failure = await deleteOne(client, resource);
    if (failure === undefined) {
      resources.remove(resource.kind);
      cleanup.deleted.push(resource);
    } else cleanup.left.push({ what: describeResource(resource), reason: failure });
  }
  for (const what of resources.unaccounted) cleanup.left.push({ what, reason: "its ref is not known" });
  return cleanup;
}

/** With `--keep`: everything created stays. */
export function keptResources(resources: Resources): Cleanup {
  return {
    deleted: [],
    left: [
      ...resources.left().map((resource) => ({ what: describeResource(resource), reason: "--keep" })),
      ...resources.unaccounted.map((what) => ({ what, reason: "its ref is not known" })),
    ],
  };
}
