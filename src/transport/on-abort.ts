// One listener per signal, however many calls share it: a signal shared by more than ten
// calls at once would otherwise set off Node's MaxListenersExceededWarning.
const followers = new WeakMap<AbortSignal, Set<() => void>>();

const nothingToUndo = () => {};

/** Calls `callback` once when `signal` aborts (at once if it has); returns how to stop following it. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return nothingToUndo;
  }
  let callbacks = followers.get(signal);
  if (callbacks === undefined) {
    const all = new Set<() => void>();
    followers.set(signal, all);
    signal.addEventListener(
      "abort",
      () => {
        for (const call of all) call();
      },
      { once: true },
    );
    callbacks = all;
  }
  callbacks.add(callback);
  const added = callbacks;
  return () => void added.delete(callback);
}

/**
 * Settles like `promise`, or rejects with the signal's reason once it aborts: for a custom
 * fetch that may not honour the signal it was given. A late rejection of `promise` is handled,
 * and a late value goes to `discard` (to release what it holds).
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  discard: (late: T) => void = nothingToUndo,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = onAbort(signal, () => {
      promise.then(discard, nothingToUndo);
      reject(signal.reason);
    });
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}
