// Following a signal that many calls share: one listener on the signal, each follower
// called once on abort, and a follower that stopped following is not called.
import { expect, it, vi } from "vitest";
import { onAbort, untilAborted } from "../../src/transport/on-abort.js";

it("adds one listener to a signal however many follow it, and calls every follower once", () => {
  const controller = new AbortController();
  const added = vi.spyOn(controller.signal, "addEventListener");
  const followers = Array.from({ length: 50 }, () => vi.fn());
  const stops = followers.map((follower) => onAbort(controller.signal, follower));
  stops[7]!();
  expect(added).toHaveBeenCalledTimes(1);
  controller.abort();
  controller.abort();
  for (const [i, follower] of followers.entries()) expect(follower).toHaveBeenCalledTimes(i === 7 ? 0 : 1);
});

it("calls a follower of an already aborted signal at once", () => {
  const follower = vi.fn();
  onAbort(AbortSignal.abort(), follower);
  expect(follower).toHaveBeenCalledTimes(1);
});

it("stops waiting once the signal aborts, handing a late value to discard and swallowing a late rejection", async () => {
  const controller = new AbortController();
  let resolveLate!: (value: string) => void;
  const late = new Promise<string>((resolve) => (resolveLate = resolve));
  const discarded: string[] = [];
  const waiting = untilAborted(late, controller.signal, (value) => discarded.push(value));
  controller.abort(new Error("timed out"));
  await expect(waiting).rejects.toThrow("timed out");
  resolveLate("answer");
  await late;
  expect(discarded).toEqual(["answer"]);

  const rejected = new AbortController();
  const failing = untilAborted(
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("late")), 5)),
    rejected.signal,
  );
  rejected.abort(new Error("stop"));
  await expect(failing).rejects.toThrow("stop");
  await new Promise((resolve) => setTimeout(resolve, 20)); // an unhandled rejection would fail the run
});

it("settles like the promise when the signal does not abort", async () => {
  await expect(untilAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
  await expect(untilAborted(Promise.reject(new Error("no")), new AbortController().signal)).rejects.toThrow("no");
});
