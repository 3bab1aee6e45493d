import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Game } from "@/lib/games";
import { defaultTiming } from "@/lib/lifecycle";
import type { LifecycleContext } from "@/lib/lifecycle/context";
import { waitForGame } from "@/lib/lifecycle/wait-for-game";
import { pollDelay, waitForTask } from "@/lib/proxmox";

const game = { id: "snake", name: "Snake", url: "http://snake.test/", probeUrl: "http://10.22.0.21/", bootTimeoutSec: 60 } as Game;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs `wait` on the fake clock and says how long (fake) it took; `endsAt` is when the awaited thing is done. */
async function timeOf(wait: () => Promise<unknown>): Promise<number> {
  const began = Date.now();
  let done = false;
  void wait().then(() => (done = true));
  while (!done) await vi.advanceTimersByTimeAsync(1);
  return Date.now() - began;
}

describe("noticing that a boot is done", () => {
  it("asks again after a tenth of the time waited so far, within a floor and the configured ceiling", () => {
    expect(pollDelay(0, 500, 25)).toBe(25);
    expect(pollDelay(1_000, 500, 25)).toBe(100);
    expect(pollDelay(60_000, 500, 25)).toBe(500);
    // Tests configure 5 ms intervals: the floor never exceeds the ceiling.
    expect(pollDelay(0, 5, 25)).toBe(5);
  });

  it("sees the game's web server answer within a few tens of milliseconds of it coming up, not half a poll later", async () => {
    for (const upAfterMs of [120, 480, 1_500]) {
      const began = Date.now();
      const probes: number[] = [];
      const ctx = {
        timing: defaultTiming,
        probe: async () => {
          probes.push(Date.now() - began);
          return Date.now() - began >= upAfterMs ? { ok: true as const, status: 200 } : { ok: false as const, detail: "connection refused" };
        },
      } as unknown as LifecycleContext;
      const took = await timeOf(() => waitForGame(ctx, game, began + 60_000, new AbortController().signal));
      expect(took - upAfterMs).toBeLessThanOrEqual(Math.max(25, upAfterMs / 20) + 2);
      // …without hammering it: at most one probe per 25 ms.
      expect(probes.length).toBeLessThan(upAfterMs / 25 + 2);
    }
  });

  it("notices the end of Proxmox's start task within a fifth of a second of a 2 s task, asking a couple of dozen times", async () => {
    const began = Date.now();
    let asked = 0;
    const reader = {
      getTaskStatus: async () => {
        asked += 1;
        const running = Date.now() - began < 2_050;
        return { running, exitStatus: running ? null : "OK", startedAt: new Date(began) } as never;
      },
    };
    const took = await timeOf(() => waitForTask(reader, "pve1", "UPID:x", { pollMs: defaultTiming.taskPollMs }));
    expect(took - 2_050).toBeLessThanOrEqual(210);
    expect(asked).toBeLessThanOrEqual(25);
  });
});
