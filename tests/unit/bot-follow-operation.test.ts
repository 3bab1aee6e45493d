import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { GameView } from "@/lib/api/schemas";
import { createLinks, type MessagePayload } from "@/bot/format/payload";
import { createGameBoard } from "@/bot/games/game-board";
import { followOperation } from "@/bot/play/follow-operation";

const links = createLinks("https://arcade.example.com");
const USER = "412345678901234567";
const T0 = Date.UTC(2026, 10, 28, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

function game(patch: Partial<GameView>): GameView {
  return {
    id: "snake", name: "Snake", description: "", imageUrl: null, url: "http://10.22.0.21/", aspectRatio: "1/1", controls: [],
    vmid: 2201, node: "pve1", state: "starting", stage: "requested", since: iso(T0), reason: null, ct: null, upid: null,
    by: { kind: "user", id: USER, name: "Demo Player" }, opStartedAt: iso(T0), eta: { medianMs: 6_000, samples: 3 }, bootTimeoutSec: 60, shutdownTimeoutSec: 30, players: [], playerCount: 0, idleStopMinutes: 30, idleStopAt: null, records: [],
    ...patch,
  };
}

function harness(live = true) {
  const board = createGameBoard();
  board.setLive(live);
  const edits: Array<{ at: number; payload: MessagePayload }> = [];
  const refresh = vi.fn(async () => game({}));
  const ports = {
    board,
    refresh,
    edit: async (payload: MessagePayload) => {
      edits.push({ at: Date.now() - T0, payload });
    },
  };
  return { board, edits, refresh, ports };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe("following a planned shutdown in the /shutdown reply", () => {
  const planned = (patch: Partial<GameView> = {}) =>
    game({ state: "ready", stage: null, playerCount: 2, scheduledShutdown: { at: iso(T0 + 60_000), by: { kind: "user", id: USER, name: "Demo Admin" } }, ...patch });

  it("shows the countdown as a Discord timestamp (no edit per second), then the shutdown with its own time", async () => {
    const { board, edits, ports } = harness();
    const done = followOperation(ports, { kind: "shutdown", initial: planned(), userId: USER, links, requestedAt: T0 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(edits.map((e) => e.payload.content)).toEqual([
      `⏳ **Snake** shuts down <t:${(T0 + 60_000) / 1000}:R>; 2 players see the countdown. An admin can call it off on the portal's admin page.`,
    ]);
    board.update(game({ state: "stopping", stage: null, since: iso(T0 + 60_000), opStartedAt: iso(T0 + 60_000), scheduledShutdown: null }));
    await vi.advanceTimersByTimeAsync(2_100);
    // Counted from the shutdown's own start, not from the /shutdown a minute earlier.
    expect(edits.at(-1)!.payload.content).toMatch(/^⏳ Shutting down \*\*Snake\*\*\nElapsed 2 s/);
    board.update(game({ state: "stopped", stage: null, since: iso(T0 + 62_500), opStartedAt: iso(T0 + 60_000), scheduledShutdown: null }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await done).state).toBe("stopped");
    expect(edits.at(-1)!.payload.content).toBe("⏹️ **Snake** is shut down (took 2.5 s).");
  });

  it("ends when an admin calls it off, instead of waiting for a shutdown that will not come", async () => {
    const { board, edits, ports } = harness();
    const done = followOperation(ports, { kind: "shutdown", initial: planned(), userId: USER, links, requestedAt: T0 });
    await vi.advanceTimersByTimeAsync(5_000);
    board.update(planned({ scheduledShutdown: null }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await done).state).toBe("ready");
    expect(edits.at(-1)!.payload.content).toBe("↩️ The planned shutdown of **Snake** was called off; it keeps running.");
  });
});

describe("following a boot in the /play reply", () => {
  it("edits as the stages change, never more than once a second, and ends with the link", async () => {
    const { board, edits, ports } = harness();
    const done = followOperation(ports, { kind: "play", initial: game({}), userId: USER, links, requestedAt: T0 });
    await vi.advanceTimersByTimeAsync(100);
    board.update(game({ stage: "container_starting", since: iso(T0) }));
    await vi.advanceTimersByTimeAsync(100);
    board.update(game({ stage: "container_running" }));
    await vi.advanceTimersByTimeAsync(2_300);
    board.update(game({ state: "ready", stage: null, since: iso(T0 + 6_500) }));
    await vi.advanceTimersByTimeAsync(1_000);
    const final = await done;

    expect(final.state).toBe("ready");
    const gaps = edits.slice(1).map((edit, i) => edit.at - edits[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
    expect(edits[0]!.payload.content).toMatch(/^⏳ Starting \*\*Snake\*\*: asking Proxmox to start the container\nElapsed 0 s/);
    expect(edits[1]!.payload.content).toMatch(/container running, game loading\nElapsed 1 s/);
    expect(edits.at(-1)!.payload.content).toBe("✅ **Snake** is ready (took 6.5 s).");
    expect(edits.at(-1)!.payload.components[0]!.components[0]!.url).toBe("https://arcade.example.com/play/snake");
  });

  it("refreshes the elapsed time every two seconds while nothing else changes", async () => {
    const { board, edits, ports } = harness();
    const done = followOperation(ports, { kind: "play", initial: game({}), userId: USER, links, requestedAt: T0 });
    await vi.advanceTimersByTimeAsync(6_100);
    expect(edits.map((e) => e.payload.content.match(/Elapsed (\d+) s/)![1])).toEqual(["0", "2", "4", "6"]);
    board.update(game({ state: "failed", stage: null, reason: "container did not start", since: iso(T0 + 6_000) }));
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(edits.at(-1)!.payload.content).toMatch(/^❌ \*\*Snake\*\* could not start: container did not start\./);
  });

  it("asks the portal directly while the event stream is down", async () => {
    const { edits, refresh, ports } = harness(false);
    refresh.mockResolvedValueOnce(game({ stage: "waiting_for_game" })).mockResolvedValue(game({ state: "ready", since: iso(T0 + 3_000) }));
    const done = followOperation(ports, { kind: "play", initial: game({}), userId: USER, links, requestedAt: T0 });
    await vi.advanceTimersByTimeAsync(6_000);
    await done;
    expect(refresh).toHaveBeenCalledWith("snake");
    expect(edits.map((e) => e.payload.content.split("\n")[0])).toEqual([
      "⏳ Starting **Snake**: asking Proxmox to start the container",
      "⏳ Starting **Snake**: waiting for the game to answer",
      "✅ **Snake** is ready (took 3.0 s).",
    ]);
  });

  it("waits for a reboot to leave the ready state before calling it done", async () => {
    const { board, edits, ports } = harness();
    const initial = game({ state: "ready", stage: null, since: iso(T0 - 60_000), opStartedAt: iso(T0 - 65_000) });
    const done = followOperation(ports, { kind: "reboot", initial, userId: USER, links, requestedAt: T0 });
    await vi.advanceTimersByTimeAsync(500);
    board.update(game({ state: "starting", stage: "container_starting", since: iso(T0 + 500), opStartedAt: iso(T0) }));
    await vi.advanceTimersByTimeAsync(1_000);
    board.update(game({ state: "ready", stage: null, since: iso(T0 + 4_000), opStartedAt: iso(T0) }));
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(edits.map((e) => e.payload.content.split("\n")[0])).toEqual([
      "🔄 Rebooting **Snake**: waiting for the container to go down",
      "⏳ Rebooting **Snake**: container starting",
      "✅ **Snake** is ready (took 4.0 s).",
    ]);
  });

  it("does not mistake a boot queued behind a shutdown for a stop, but reports a stop that lasts", async () => {
    const { board, edits, ports } = harness();
    const done = followOperation(ports, { kind: "play", initial: game({}), userId: USER, links, requestedAt: T0, timing: { stoppedGraceMs: 5_000 } });
    await vi.advanceTimersByTimeAsync(500);
    board.update(game({ state: "stopped", stage: null, since: iso(T0 + 500), by: { kind: "user", id: "523456789012345678", name: "Demo Admin" } }));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(edits.at(-1)!.payload.content).toMatch(/waiting for the start to begin/);
    await vi.advanceTimersByTimeAsync(4_000);
    await done;
    expect(edits.at(-1)!.payload.content).toBe("⏹️ **Snake** was stopped by Demo Admin before it became ready. Run `/play game:snake` to start it again.");
  });

  it("hands over to the portal link before Discord's 15-minute token runs out", async () => {
    const { edits, ports } = harness();
    const done = followOperation(ports, { kind: "play", initial: game({}), userId: USER, links, requestedAt: T0, timing: { maxMs: 10_000 } });
    await vi.advanceTimersByTimeAsync(12_000);
    await done;
    expect(edits.at(-1)!.payload.content).toMatch(/^⌛ \*\*Snake\*\* is still starting after 10 s\./);
  });
});
