import { describe, expect, it } from "vitest";
import type { GameView } from "@/lib/api/schemas";
import { createGameStore } from "@/components/live/game-store";
import { initialPhase, playMode } from "@/components/play/play-mode";

function view(id: string, state: GameView["state"], extra: Partial<GameView> = {}): GameView {
  return {
    id, name: id.toUpperCase(), description: "", imageUrl: null, url: `http://localhost:1/${id}`, aspectRatio: "16/9", controls: [],
    vmid: 2201, node: "pve1", state, stage: null, since: "2026-11-28T10:00:00.000Z", reason: null, ct: null, upid: null, by: null,
    opStartedAt: null, eta: null, bootTimeoutSec: 60, shutdownTimeoutSec: 30, players: [], playerCount: 0, idleStopMinutes: 30, idleStopAt: null, records: [], ...extra,
  };
}

describe("the Play screen decides what to show", () => {
  const asked = { kind: "asked" } as const;

  it("opens a ready game at once, even when someone else started it or our request was refused", () => {
    expect(initialPhase("ready")).toEqual(asked);
    expect(playMode({ state: "ready", phase: asked, seenActive: false, frameShown: false })).toBe("frame");
    expect(playMode({ state: "ready", phase: { kind: "refused", message: "x" }, seenActive: false, frameShown: false })).toBe("frame");
  });

  it("shows the stages while our request is on its way, instead of flashing the last failure", () => {
    expect(initialPhase("failed")).toEqual({ kind: "asking" });
    expect(playMode({ state: "failed", phase: { kind: "asking" }, seenActive: false, frameShown: false })).toBe("progress");
    expect(playMode({ state: "starting", phase: asked, seenActive: true, frameShown: false })).toBe("progress");
  });

  it("shows the reason with Retry when the boot fails or the server refuses", () => {
    expect(playMode({ state: "failed", phase: asked, seenActive: true, frameShown: false })).toBe("failed");
    expect(playMode({ state: "stopped", phase: { kind: "refused", message: "Proxmox is unreachable" }, seenActive: false, frameShown: false })).toBe("refused");
    expect(playMode({ state: "unknown", phase: asked, seenActive: false, frameShown: false })).toBe("unreachable");
  });

  it("keeps the game running through a Proxmox outage, but says so when an admin stops it", () => {
    expect(playMode({ state: "unknown", phase: asked, seenActive: true, frameShown: true })).toBe("frame");
    expect(playMode({ state: "stopping", phase: asked, seenActive: true, frameShown: true })).toBe("stopped");
    expect(playMode({ state: "stopped", phase: asked, seenActive: true, frameShown: true })).toBe("stopped");
  });

  it("waits for a shutdown in progress before its own start", () => {
    expect(playMode({ state: "stopping", phase: asked, seenActive: false, frameShown: false })).toBe("waiting-for-stop");
  });
});

describe("the browser's live copy of the games", () => {
  it("replaces everything on a snapshot and drops games that left the catalogue", () => {
    const store = createGameStore(() => 1);
    store.applySnapshot([view("snake", "stopped"), view("tetris", "stopped")], 4);
    store.applySnapshot([view("snake", "ready")], 9);
    expect(store.all().map((g) => g.view.id)).toEqual(["snake"]);
    expect(store.get("snake")?.view.state).toBe("ready");
    expect(store.lastEventId()).toBe(9);
    expect(store.status()).toBe("live");
  });

  it("tells listeners about state changes of a game, not about every uptime tick", () => {
    const store = createGameStore();
    const seen: string[] = [];
    store.onTransition(({ before, after }) => seen.push(`${before?.state}->${after.state}`));
    store.applySnapshot([view("snake", "stopped")], 1);
    store.applyStatus(view("snake", "starting", { stage: "requested" }));
    store.applyStatus(view("snake", "starting", { stage: "container_running" }));
    store.applyStatus(view("snake", "ready"));
    expect(seen).toEqual(["stopped->starting", "starting->ready"]);
  });

  it("remembers the newest stored event id so a re-opened stream resumes after it", () => {
    const store = createGameStore();
    store.applySnapshot([], 3);
    store.applyEvent({ id: 7 } as never);
    store.applyEvent({ id: 5 } as never);
    expect(store.lastEventId()).toBe(7);
  });

  it("notifies subscribers once per change and stops after unsubscribing", () => {
    const store = createGameStore();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.applyStatus(view("snake", "ready"));
    store.setStatus("reconnecting");
    store.setStatus("reconnecting");
    off();
    store.applyStatus(view("snake", "stopped"));
    expect(calls).toBe(2);
  });
});
