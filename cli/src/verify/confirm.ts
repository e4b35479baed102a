// Before `verify` creates anything on a tenant that is not a local mock: what it will create
// and delete, and a yes from the user (`--yes`, or "y" on a terminal).
import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import type { VerifyData } from "./test-data.js";

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);

/** Whether the base URL's host is this machine (the hosts the client allows plain http to). */
export function isLoopback(baseUrl: string): boolean {
  const { hostname } = new URL(baseUrl);
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function describePlan(target: string, data: VerifyData, keep: boolean): string {
  return [
    `cdp-orders verify sends each of the 38 operations of the Order API to ${target}.`,
    "It creates, in that tenant:",
    `  an order (referenceId ${data.order.referenceId}) and its contact,`,
    `  an order item (referenceId ${data.item.referenceId}) and an order consumer,`,
    "  the data extension ext of the order and of the order item;",
    keep
      ? "and leaves them there (--keep)."
      : "and deletes them all at the end, newest first, also after a failure or Ctrl-C.",
    `Sitecore CDP also resolves the contact and the consumer to guests (${data.prefix}-…@example.com),`,
    "which the Order API cannot delete.",
  ].join("\n");
}

export type Confirmation = "yes" | "no" | "no terminal" | "interrupted";

/** Asks on a terminal; `signal` (an interrupt) ends the question. */
export async function confirm(
  stdin: (Readable & { isTTY?: boolean }) | undefined,
  stderr: Writable,
  signal: AbortSignal,
): Promise<Confirmation> {
  if (!stdin?.isTTY) return "no terminal";
  const prompt = createInterface({ input: stdin, output: stderr, terminal: true });
  // Ctrl-C while a terminal reads the answer reaches readline, not the process.
  const interrupted = new AbortController();
  const interrupt = () => interrupted.abort();
  prompt.on("SIGINT", interrupt);
  signal.addEventListener("abort", interrupt);
  try {
    const answer = await prompt.question("Proceed? [y/N] ", { signal: interrupted.signal });
    return /^y(es)?$/i.test(answer.trim()) ? "yes" : "no";
  } catch (error) {
    if ((error as Error).name === "AbortError") return "interrupted";
    throw error;
  } finally {
    signal.removeEventListener("abort", interrupt);
    prompt.close();
    stdin.pause();
  }
}
