// How one step of a line is run: looked up first when it may already exist, created
// otherwise, and tried again after a failure that repeating may cure.
import { classifyFailure, mayStillTakeEffect } from "./failure.js";

export interface StepOptions {
  /** Look every step up before creating it: the line may be partly in the API already. */
  lookUpFirst: boolean;
  /** How often one step is tried before the line fails. */
  maxAttempts: number;
  /** Waits before attempt `attempt + 1`. */
  backoff: (attempt: number) => Promise<void>;
  /**
   * An earlier run's create of this line that may still take effect: a look-up that finds
   * nothing fails the line with it, as after a create of this run that timed out.
   */
  unsettled?: Error | undefined;
  /** Called when a create failed in a way that may still take effect (it timed out). */
  createMayLand?: (() => void) | undefined;
}

export interface Step<T> {
  /** Where the step is in the line, e.g. `items[1]`. */
  name: string;
  find: () => Promise<T | undefined>;
  create: () => Promise<T>;
}

/**
 * Runs one step. It is looked up first when asked to; after a create that may have taken
 * effect (its answer was lost, or a 5xx), it is looked up before being created again.
 * `found` collects the names of the steps that already existed.
 */
export async function ensure<T>(
  step: Step<T>,
  options: StepOptions,
  found: string[],
  lookUpFirst = options.lookUpFirst,
): Promise<T> {
  let lookUp = lookUpFirst;
  // A create that timed out may still be applied: not finding it yet does not allow another.
  let unsettled: unknown = options.unsettled;
  for (let attempt = 1; ; attempt++) {
    let creating = false;
    try {
      if (lookUp) {
        const existing = await step.find();
        if (existing !== undefined) {
          found.push(step.name);
          return existing;
        }
        if (unsettled !== undefined) throw unsettled; // the line fails; --resume looks again later
        lookUp = false;
      }
      creating = true;
      return await step.create();
    } catch (error) {
      if (error === unsettled) throw error;
      const kind = classifyFailure(error);
      // Said whatever follows: a later failure of the line must not hide that this create may still land.
      const mayLand = creating && kind === "ambiguous" && mayStillTakeEffect(error);
      if (mayLand) options.createMayLand?.();
      if (kind === "permanent" || kind === "aborted" || attempt >= options.maxAttempts) throw error;
      // A failed lookup is tried again; a create that may have worked is looked up first.
      if (kind === "ambiguous" || lookUp) lookUp = true;
      if (mayLand) unsettled = error;
      await options.backoff(attempt);
    }
  }
}

/** Runs a read, again after a failure that repeating may cure. */
export async function read<T>(run: () => Promise<T>, options: StepOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const kind = classifyFailure(error);
      if (kind === "permanent" || kind === "aborted" || attempt >= options.maxAttempts) throw error;
      await options.backoff(attempt);
    }
  }
}
