import { describe, expect, it } from "vitest";
import { buildQueue } from "../../src/pipeline/dev-server.ts";

/** A build that finishes only when the test says so. */
function controlledBuilds() {
  const finishes: Array<() => void> = [];
  let started = 0;
  const build = () =>
    new Promise<void>((done) => {
      started += 1;
      finishes.push(done);
    });
  const finishNext = async (): Promise<void> => {
    while (finishes.length === 0) await Promise.resolve();
    finishes.shift()!();
  };
  return { build, finishNext, started: () => started };
}

describe("the dev server's builds", () => {
  it("run one at a time, fold the changes made during one into a single next one, and reload once after the last", async () => {
    const builds = controlledBuilds();
    let reloads = 0;
    const queue = buildQueue(builds.build, () => {
      reloads += 1;
    });
    queue.request();
    await Promise.resolve();
    expect(builds.started()).toBe(1);
    // Three changes while the first build runs: one more build, not three.
    queue.request();
    queue.request();
    const last = queue.request();
    await builds.finishNext();
    await builds.finishNext();
    await last;
    expect(builds.started()).toBe(2);
    expect(reloads).toBe(1);
    await queue.settled();
  });

  it("reload after every build that no change is waiting on", async () => {
    const builds = controlledBuilds();
    let reloads = 0;
    const queue = buildQueue(builds.build, () => {
      reloads += 1;
    });
    const first = queue.request();
    await builds.finishNext();
    await first;
    const second = queue.request();
    await builds.finishNext();
    await second;
    expect([builds.started(), reloads]).toEqual([2, 2]);
  });
});
