import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { EventLog } from "@/lib/events";
import type { Game } from "@/lib/games";
import { createLifecycle } from "@/lib/lifecycle";
import { PresenceBoard } from "@/lib/presence";
import { FakeProxmox } from "../support/fake-proxmox";

const MIN = 60_000;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function game(id: string, vmid: number, idleStopMinutes?: number): Game {
  const url = `http://${id}.test/`;
  return { id, name: id, vmid, url, node: "pve1", probeUrl: url, description: "", image: undefined, bootTimeoutSec: 5, controls: [], aspectRatio: "16/9", upstream: url, idleStopMinutes, maxScore: 1_000_000_000, multiplayer: false, dir: "" };
}

async function readyArcade(games: Game[]) {
  const dir = mkdtempSync(path.join(tmpdir(), "idle-"));
  const db = openDatabase(path.join(dir, "a.db"));
  cleanups.push(() => (db.close(), rmSync(dir, { recursive: true, force: true })));
  const proxmox = new FakeProxmox([...new Set(games.map((g) => g.vmid))].map((vmid) => ({ vmid, node: "pve1", status: "running" as const })), 5);
  const events = new EventLog(db);
  const lifecycle = createLifecycle({
    proxmox,
    catalogue: { games, byId: new Map(games.map((g) => [g.id, g])) },
    db,
    events,
    probe: async () => ({ ok: true, status: 200 }),
    timing: { taskPollMs: 5, runningPollMs: 5, probeIntervalMs: 5 },
  });
  cleanups.push(() => lifecycle.idle());
  await lifecycle.observeCluster(await proxmox.listClusterContainers());
  await lifecycle.idle();
  return { lifecycle, proxmox, events, presence: new PresenceBoard(), t0: Date.now() };
}

const alex = { id: "111111111111111111", name: "Alex", avatarUrl: null, status: null };

describe("idle auto-stop", () => {
  it("puts a ready game to sleep once nobody has played it for its idle minutes", async () => {
    const { lifecycle, proxmox, events, presence, t0 } = await readyArcade([game("snake", 2201)]);
    presence.beat("snake", alex, t0 + 10 * MIN);
    expect(lifecycle.stopIdleGames(presence, 30, t0 + 39 * MIN)).toEqual([]);
    expect(lifecycle.stopIdleGames(presence, 30, t0 + 41 * MIN)).toEqual([2201]);
    await lifecycle.idle();
    expect(proxmox.count("shutdown")).toBe(1);
    expect(lifecycle.board.get("snake")?.state).toBe("stopped");
    expect(events.query({ types: ["game.stopping"] })[0]).toMatchObject({ source: "auto", message: "snake is going to sleep: nobody played for 30 min" });
    // The reason stays on the status, so a player coming back to the page reads why it is asleep.
    expect(lifecycle.board.get("snake")).toMatchObject({ reason: "nobody played for 30 min", by: { kind: "system" }, operation: "shutdown" });
  });

  it("never stops a game while someone's heartbeats keep coming", async () => {
    const { lifecycle, presence, t0 } = await readyArcade([game("snake", 2201)]);
    for (let minute = 0; minute <= 120; minute += 1) presence.beat("snake", alex, t0 + minute * MIN);
    expect(lifecycle.stopIdleGames(presence, 30, t0 + 120 * MIN + 30_000)).toEqual([]);
    expect(lifecycle.idleDeadline(presence, game("snake", 2201), 30, t0 + 120 * MIN)).toBeNull();
  });

  it("keeps a game whose idle minutes are 0, and counts each game's own limit", async () => {
    const { lifecycle, presence, t0 } = await readyArcade([game("snake", 2201, 0), game("chess", 2202, 5)]);
    expect(lifecycle.stopIdleGames(presence, 30, t0 + 10 * MIN)).toEqual([2202]);
  });

  it("keeps a shared CT awake while any of its games is played", async () => {
    const { lifecycle, presence, t0 } = await readyArcade([game("memory", 2203), game("chess", 2203)]);
    presence.beat("chess", alex, t0 + 50 * MIN);
    expect(lifecycle.stopIdleGames(presence, 30, t0 + 50 * MIN + 30_000)).toEqual([]);
    expect(lifecycle.stopIdleGames(presence, 30, t0 + 81 * MIN)).toEqual([2203]);
  });
});

describe("presence", () => {
  it("lists players until their heartbeats stop, and says when the list changed", () => {
    const presence = new PresenceBoard();
    expect(presence.beat("snake", alex, 0)).toBe(true);
    expect(presence.beat("snake", alex, 30_000)).toBe(false);
    expect(presence.players("snake", 60_000)).toEqual([alex]);
    expect(presence.prune(100_000)).toEqual([]);
    expect(presence.prune(106_000)).toEqual(["snake"]);
    expect(presence.players("snake", 106_000)).toEqual([]);
  });
});
