import { describe, expect, it } from "vitest";
import { describePlayers, formatBytes, formatCpu, formatRate, initialsOf, parseAspectRatio } from "@/lib/format/display";
import { bootProgress, elapsedSince, formatCountdown, formatDuration, formatEta, formatRemaining, formatUptime } from "@/lib/format/durations";
import { describeState, stageSteps, stateHint } from "@/lib/format/game-state";

describe("what the cards and the Play screen say", () => {
  it("names every state in words, not only by colour", () => {
    expect(describeState("stopped").label).toBe("Stopped");
    expect(describeState("unknown").label).toBe("State unknown");
    expect(new Set(["stopped", "starting", "ready", "stopping", "failed", "unknown"].map((s) => describeState(s as "ready").label)).size).toBe(6);
  });

  it("walks the boot stages in order, marking what is done, what runs now and what is still to come", () => {
    const steps = stageSteps("starting", "container_running");
    expect(steps.map((s) => s.label)).toEqual(["Start requested", "Container starting", "Container running", "Waiting for the game", "Ready"]);
    expect(steps.map((s) => s.status)).toEqual(["done", "done", "current", "todo", "todo"]);
    expect(stageSteps("starting", null)[0]?.status).toBe("current");
    expect(stageSteps("ready", "ready").every((s) => s.status === "done")).toBe(true);
    expect(stageSteps("stopped", null).every((s) => s.status === "todo")).toBe(true);
  });

  it("explains a failure or an unreachable Proxmox on the card, with the server's reason", () => {
    expect(stateHint({ state: "failed", reason: "game not answering at http://x after 60 s", by: null })).toBe("Last start failed: game not answering at http://x after 60 s");
    expect(stateHint({ state: "unknown", reason: "Proxmox did not answer (ECONNREFUSED)", by: null })).toBe("Proxmox did not answer (ECONNREFUSED)");
    expect(stateHint({ state: "starting", reason: null, by: { kind: "user", id: "1", name: "Alex" } })).toBe("Started by Alex");
    expect(stateHint({ state: "ready", reason: null, by: null })).toBe("Running now: jump straight in.");
  });

  it("formats elapsed time with a tenth of a second while it is short, in minutes and hours later", () => {
    expect(formatDuration(4_249)).toBe("4.2 s");
    expect(formatDuration(-30)).toBe("0.0 s");
    expect(formatDuration(42_900)).toBe("42 s");
    expect(formatDuration(185_000)).toBe("3 min 5 s");
    expect(formatDuration(7_500_000)).toBe("2 h 5 min");
    // A finished duration rounds to the nearest tenth, like the Discord notification of the same event.
    expect(formatDuration(1_750, "nearest")).toBe("1.8 s");
    expect(formatDuration(1_749, "nearest")).toBe("1.7 s");
    expect(formatDuration(9_960, "nearest")).toBe("10 s");
    expect(formatUptime(42.7)).toBe("42 s");
    expect(formatUptime(3_599)).toBe("59 min");
    expect(formatUptime(90_000)).toBe("1 d 1 h");
  });

  it("turns past boots into 'usually ready in ~N s' and a time left that never goes negative", () => {
    expect(formatEta(null)).toBeNull();
    expect(formatEta({ medianMs: 6_400, samples: 7 })).toBe("usually ready in ~6 s");
    expect(formatEta({ medianMs: 150_000, samples: 2 })).toBe("usually ready in ~3 min");
    expect(formatRemaining({ medianMs: 6_400, samples: 7 }, 2_000)).toBe("about 4 s left");
    expect(formatRemaining({ medianMs: 6_400, samples: 7 }, 9_000)).toBe("taking longer than usual");
    expect(bootProgress({ medianMs: 10_000, samples: 1 }, 5_000)).toBe(0.5);
    expect(bootProgress({ medianMs: 10_000, samples: 1 }, 50_000)).toBe(0.95);
    expect(bootProgress(null, 5_000)).toBeNull();
    expect(elapsedSince(1_000, 500)).toBe(0);
    expect(elapsedSince(null, 500)).toBe(0);
  });

  it("says who is playing and when an empty game goes back to sleep", () => {
    expect(describePlayers([])).toBeNull();
    expect(describePlayers(["Alex"])).toBe("Alex is playing");
    expect(describePlayers(["Alex", "Sam"])).toBe("Alex and Sam are playing");
    expect(describePlayers(["Alex", "Sam", "Kim", "Lou"])).toBe("Alex, Sam and 2 others are playing");
    expect(formatCountdown(272_000)).toBe("4:32");
    expect(formatCountdown(-5)).toBe("0:00");
    expect(formatCountdown(25 * 60_000)).toBe("25 min");
  });

  it("shows initials for players without an avatar picture", () => {
    expect(initialsOf("Demo Player")).toBe("DP");
    expect(initialsOf("alex")).toBe("A");
    expect(initialsOf("cartofia_owner")).toBe("CO");
    expect(initialsOf("   ")).toBe("?");
  });

  it("sizes the game frame from the manifest's aspect ratio, falling back to 16/9", () => {
    expect(parseAspectRatio("1/1")).toEqual({ width: 1, height: 1 });
    expect(parseAspectRatio("4/3")).toEqual({ width: 4, height: 3 });
    expect(parseAspectRatio("0/9")).toEqual({ width: 16, height: 9 });
    expect(parseAspectRatio("wide")).toEqual({ width: 16, height: 9 });
  });

  it("writes the admin charts' units: CPU in percent, memory in binary units, network per second", () => {
    expect(formatRate(820.4)).toBe("820 B/s");
    expect(formatRate(1946)).toBe("1.9 KiB/s");
    expect(formatRate(3.2 * 1024 * 1024)).toBe("3.2 MiB/s");
    expect(formatCpu(0.034)).toBe("3.4 %");
    expect(formatBytes(41_943_040)).toBe("40 MiB");
    expect(formatBytes(1.5 * 1024 ** 3)).toBe("1.5 GiB");
  });
});
