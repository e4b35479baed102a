// Following a signal that many calls share: one listener on the signal, each follower
// called once on abort, and a follower that stopped following is not called.
import { expect, it, vi } from "vitest";
import { onAbort } from "../../src/transport/on-abort.js";

it("adds one listener to a signal however many follow it, and calls every follower once", () => {
  const controller = new AbortController();
  const added = vi.spyOn(controller.signal, "addEventListener");
  const followers = Array.from({ length: 50 }, () => vi.fn());
  const stops = followers.map((follower) => onAbort(controller.signal, follower));
  stops[7]!();
  expect(added).toHaveBeenCalledTimes(1);
  controller.abort();
  controller.abort();
  followers.forEach((follower, i) => expect(follower).toHaveBeenCalledTimes(i === 7 ? 0 : 1));
});

it("calls a follower of an already aborted signal at once", () => {
  const follower = vi.fn();
  onAbort(AbortSignal.abort(), follower);
  expect(follower).toHaveBeenCalledTimes(1);
});
