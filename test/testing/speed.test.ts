// The fake's own speed, printed for the record (scripts/bench/fake.ts measures longer runs):
// one process, one call at a time, create then read. The reads are checked, the speed not.
import { describe, expect, it } from "vitest";
import { describeSpeed, throughClient, throughFetch } from "../../scripts/bench/fake.js";

describe("the fake's speed", () => {
  it("answers a create-then-read loop, each read the order just created", async () => {
    const client = await throughClient(500);
    const fetchAlone = await throughFetch(500);
    console.log(describeSpeed("fake CDP through a client", client));
    console.log(describeSpeed("fake CDP through fake.fetch alone", fetchAlone));
    expect(client.calls).toBe(1000);
    expect(fetchAlone.calls).toBe(1000);
  });
});
