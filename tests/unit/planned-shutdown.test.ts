import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/authz";
import { openDatabase, type Db } from "@/lib/db";
import { EventLog, type EventType } from "@/lib/events";
import type { Catalogue, Game } from "@/lib/games";
import { createLifecycle, type Lifecycle } from "@/lib/lifecycle";
import { FakeProxmox } from "../support/fake-proxmox";

const alex: Actor = { kind: "user", discordId: "111111111111111111", name: "Alex", avatarUrl: null, roles: ["9"], isGuildOwner: false };
const web = { actor: alex, source: "web" as const };
const NOTICE_MS = 300;
const timing = { taskPollMs: 5, runningPollMs: 5, probeIntervalMs: 5, probeTimeoutMs: 50, defaultShutdownTimeoutSec: 1, resumedShutdownNoticeMs: NOTICE_MS };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function game(id: string, vmid: number): Game {
  const url = `http://game-${id}.test/`;
  return { id, name: id, vmid, url, node: undefined, probeUrl: url, description: "", image: undefined, bootTimeoutSec: 5, controls: [], aspectRatio: "16/9", upstream: url, idleStopMinutes: undefined, maxScore: 1_000_000_000, multiplayer: false, dir: "" };
}

/** One database and one Proxmox with snake's CT running; `portal()` is a (re)started portal process on them. */
function world(games = [game("snake", 2201)]) {
  const dir = mkdtempSync(path.join(tmpdir(), "planned-shutdown-"));
  const dbs: Db[] = [];
  cleanups.push(() => (dbs.forEach((db) => db.close()), rmSync(dir, { recursive: true, force: true })));
  const proxmox = new FakeProxmox([...new Set(games.map((g) => g.vmid))].map((vmid) => ({ vmid, node: "pve1", status: "running" as const })), 5);
  const catalogue: Catalogue = { games, byId: new Map(games.map((g) => [g.id, g])) };
  const probe = async (url: string) => {
    const g = games.find((x) => x.probeUrl === url)!;
    return proxmox.cts.get(g.vmid)?.status === "running" ? { ok: true as const, status: 200 } : { ok: false as const, detail: "connection refused" };
  };
  const portal = async (now?: number) => {
    const db = openDatabase(path.join(dir, "arcade.db"));
    dbs.push(db);
    const events = new EventLog(db);
    const lifecycle: Lifecycle = createLifecycle({ proxmox, catalogue, db, events, probe, timing });
    cleanups.push(() => lifecycle.close());
    lifecycle.resumePendingOps();
    lifecycle.resumeScheduledShutdowns(now);
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    await lifecycle.idle();
    return { lifecycle, events };
  };
  return { proxmox, portal };
}

const ofType = (events: EventLog, types: EventType[]) => events.query({ types });

describe("a planned shutdown", () => {
  it("is announced on the game's status, then shuts the CT down as the admin who planned it when its time comes", async () => {
    const { proxmox, portal } = world();
    const { lifecycle, events } = await portal();
    const before = Date.now();
    expect(lifecycle.scheduleShutdown("snake", 1, web).state).toBe("ready");

    const plan = lifecycle.board.get("snake")!.scheduledShutdown!;
    expect(plan.by).toEqual({ kind: "user", id: alex.discordId, name: "Alex" });
    expect(plan.at).toBeGreaterThanOrEqual(before + 1000);
    expect(ofType(events, ["game.shutdown_scheduled"])[0]).toMatchObject({ durationMs: 1000, message: "Alex is shutting down snake in 1 s from the web; the players see a countdown" });
    expect(proxmox.count("shutdown")).toBe(0);

    await vi.waitFor(() => expect(lifecycle.board.get("snake")?.state).toBe("stopped"), { timeout: 3_000, interval: 20 });
    expect(proxmox.count("shutdown")).toBe(1);
    expect(lifecycle.board.get("snake")?.scheduledShutdown).toBeNull();
    expect(ofType(events, ["game.stopping"])[0]).toMatchObject({ actor: { name: "Alex" }, source: "web", message: "Alex is shutting down snake from the web" });
  });

  it("is called off by an admin: nothing is shut down, the countdown disappears, and the audit says who", async () => {
    const { proxmox, portal } = world();
    const { lifecycle, events } = await portal();
    lifecycle.scheduleShutdown("snake", 1, web);
    lifecycle.cancelScheduledShutdown("snake", { actor: { kind: "token", name: "automation" }, source: "api" });
    expect(lifecycle.board.get("snake")?.scheduledShutdown).toBeNull();
    expect(ofType(events, ["game.shutdown_cancelled"])[0]?.message).toBe("automation cancelled the planned shutdown of snake through the API");
    expect(() => lifecycle.cancelScheduledShutdown("snake", web)).toThrow("No shutdown of snake is planned.");
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(proxmox.count("shutdown")).toBe(0);
    expect(lifecycle.board.get("snake")?.state).toBe("ready");
  });

  it("gives way to a shutdown now, a force stop or a reboot, which is then the only record", async () => {
    const { proxmox, portal } = world();
    const { lifecycle, events } = await portal();
    lifecycle.scheduleShutdown("snake", 60, web);
    lifecycle.power("snake", "reboot", web);
    expect(lifecycle.board.get("snake")?.scheduledShutdown).toBeNull();
    await lifecycle.idle();
    lifecycle.scheduleShutdown("snake", 60, web);
    lifecycle.power("snake", "stop", web);
    await lifecycle.idle();
    expect(lifecycle.board.get("snake")).toMatchObject({ state: "stopped", scheduledShutdown: null, operation: "stop" });
    expect(ofType(events, ["game.shutdown_cancelled"])).toHaveLength(0);
    expect(proxmox.count("reboot")).toBe(1);
    expect(proxmox.count("stop")).toBe(1);
  });

  it("is the plain shutdown when there is nothing to wait for: no delay, or the game is not up", async () => {
    const { proxmox, portal } = world();
    const { lifecycle, events } = await portal();
    expect(lifecycle.scheduleShutdown("snake", 0, web).state).toBe("stopping");
    await lifecycle.idle();
    expect(() => lifecycle.scheduleShutdown("snake", 60, web)).toThrow("snake is already stopped.");
    expect(ofType(events, ["game.shutdown_scheduled"])).toHaveLength(0);
    expect(proxmox.count("shutdown")).toBe(1);
  });

  it("is dropped, with the reason recorded, when the CT is stopped outside the arcade first", async () => {
    const { proxmox, portal } = world();
    const { lifecycle, events } = await portal();
    lifecycle.scheduleShutdown("snake", 60, web);
    proxmox.cts.get(2201)!.status = "stopped";
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    expect(lifecycle.board.get("snake")).toMatchObject({ state: "stopped", scheduledShutdown: null });
    expect(ofType(events, ["game.shutdown_cancelled"])[0]).toMatchObject({
      actor: { kind: "system" },
      message: "The planned shutdown of snake was dropped: the container was stopped outside the arcade first",
    });
  });
});

describe("a planned shutdown and a portal restart", () => {
  it("keeps its time in the next portal, which carries it out once", async () => {
    const { proxmox, portal } = world();
    const first = await portal();
    first.lifecycle.scheduleShutdown("snake", 2, web);
    const at = first.lifecycle.board.get("snake")!.scheduledShutdown!.at;
    await first.lifecycle.close();

    const second = await portal();
    expect(second.lifecycle.board.get("snake")?.scheduledShutdown).toEqual({ at, by: { kind: "user", id: alex.discordId, name: "Alex" }, source: "web" });
    await vi.waitFor(() => expect(second.lifecycle.board.get("snake")?.state).toBe("stopped"), { timeout: 4_000, interval: 20 });
    expect(proxmox.count("shutdown")).toBe(1);
    expect(ofType(second.events, ["game.stopping"])[0]?.actor.name).toBe("Alex");
  });

  it("gives the players fresh notice when its time passed while the portal was down, and drops it when that was long ago", async () => {
    const { portal } = world();
    const first = await portal();
    first.lifecycle.scheduleShutdown("snake", 60, web);
    const due = first.lifecycle.board.get("snake")!.scheduledShutdown!.at;
    await first.lifecycle.close();

    const soon = await portal(due + 5_000);
    expect(soon.lifecycle.board.get("snake")?.scheduledShutdown?.at).toBe(due + 5_000 + NOTICE_MS);
    await soon.lifecycle.close();

    const late = await portal(due + 11 * 60_000);
    expect(late.lifecycle.board.get("snake")?.scheduledShutdown).toBeNull();
    expect(ofType(late.events, ["game.shutdown_cancelled"])[0]?.message).toBe("The planned shutdown of snake was dropped: the portal was not running when it was due (11 min ago)");
    await late.lifecycle.close();

    // Dropped is final: a later restart finds nothing to resume.
    const after = await portal(due + 12 * 60_000);
    expect(after.lifecycle.board.get("snake")?.scheduledShutdown).toBeNull();
    expect(ofType(after.events, ["game.shutdown_cancelled"])).toHaveLength(1);
  });
});
