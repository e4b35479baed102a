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
    signal.addEventListener("abort", () => all.forEach((call) => call()), { once: true });
    callbacks = all;
  }
  callbacks.add(callback);
  const added = callbacks;
  return () => void added.delete(callback);
}
