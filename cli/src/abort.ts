// Following an AbortSignal: many waits of a run share one signal, so each signal gets one
// listener however many follow it (more than ten would set off Node's
// MaxListenersExceededWarning).
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

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      stopFollowing?.();
      resolve();
    }, ms);
    const stopFollowing = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
  });
}
