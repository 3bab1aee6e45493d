import { describe, expect, it } from "vitest";
import type { GameView } from "@/lib/api/schemas";
import { renderStatusEmbed } from "@/bot/format/status-embeds";
import { createLinks } from "@/bot/format/payload";
import { renderReady } from "@/bot/play/render-progress";
import { formatCpuShare, formatMemory, liveUptimeSec } from "@/lib/format/container-load";
import { formatDuration, formatElapsed, formatUptime } from "@/lib/format/durations";
import { describeState } from "@/lib/format/game-state";

const ct = { status: "running" as const, uptimeSec: 3_725, cpu: 0.034, cpus: 2, memBytes: 41_943_040, maxMemBytes: 268_435_456 };
const view = (over: Partial<GameView>): GameView => ({
  id: "snake", name: "Snake", description: "", imageUrl: null, url: "http://snake.lan", aspectRatio: "16/9", controls: [], vmid: 2201,
  node: "pve1", state: "ready", stage: null, since: "2026-11-28T10:00:00.000Z", reason: null, ct, upid: null, by: null, opStartedAt: null,
  eta: null, bootTimeoutSec: 60, shutdownTimeoutSec: 30, players: [], playerCount: 0, idleStopMinutes: 30, idleStopAt: null, records: [], ...over,
});

describe("one formatting for the portal and the bot", () => {
  it("gives Discord and the admin page the same load figures", () => {
    const embed = renderStatusEmbed(view({}), createLinks("https://arcade.example.com"));
    const field = (name: string) => embed.fields!.find((f) => f.name === name)!.value;
    expect(field("Uptime")).toBe(formatUptime(ct.uptimeSec));
    expect(field("CPU")).toBe(formatCpuShare(ct));
    expect(field("Memory")).toBe(formatMemory(ct));
    expect(formatCpuShare({ cpu: 0.5, cpus: 1 })).toBe("50.0 % of 1 core");
    expect(formatMemory(ct)).toBe("40 MiB of 256 MiB");
  });

  it("rounds a finished duration once, the same in the audit and in Discord", () => {
    expect(formatDuration(1_750, "nearest")).toBe("1.8 s");
    expect(formatDuration(1_750)).toBe("1.7 s");
    expect(formatDuration(9_960, "nearest")).toBe("10 s");
    expect(renderReady(view({}), createLinks("https://arcade.example.com"), 1_750).content).toBe("✅ **Snake** is ready (took 1.8 s).");
    expect(formatElapsed(4_999)).toBe("4 s");
    expect(formatElapsed(125_000)).toBe("2 min 5 s");
  });

  it("names the states in the same words on both faces", () => {
    const embed = renderStatusEmbed(view({ state: "unknown", ct: null, reason: "Proxmox cannot be reached" }), createLinks("https://a.example"));
    expect(embed.fields![0]!.value).toBe(`${describeState("unknown").label}: Proxmox cannot be reached`);
  });

  it("ticks a running CT's uptime from the last view and shows none once the game is stopped", () => {
    expect(liveUptimeSec(view({}), 1_000, 4_500)).toBe(3_728.5);
    expect(liveUptimeSec(view({}), null, null)).toBe(3_725);
    // A view the page has not received live yet (the server-rendered one, receivedAt 0) adds no time at all.
    expect(liveUptimeSec(view({}), 0, 1_764_700_000_000)).toBe(3_725);
    expect(liveUptimeSec(view({ state: "starting" }), 1_000, 1_000)).toBe(3_725);
    // Proxmox's resource list still says running a few seconds after the stop.
    expect(liveUptimeSec(view({ state: "stopped" }), 1_000, 2_000)).toBeNull();
    expect(liveUptimeSec(view({ ct: { ...ct, status: "stopped" } }), 1_000, 2_000)).toBeNull();
  });
});
