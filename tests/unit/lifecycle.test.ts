import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { openDatabase } from "@/lib/db";
import { EventLog } from "@/lib/events";
import type { Catalogue, Game } from "@/lib/games";
import { createLifecycle } from "@/lib/lifecycle";
import { FakeProxmox } from "../support/fake-proxmox";

const alex: Actor = { kind: "user", discordId: "111111111111111111", name: "Alex", avatarUrl: null, roles: [], isGuildOwner: false };
const web = { actor: alex, source: "web" as const };
const timing = { taskPollMs: 5, runningPollMs: 5, probeIntervalMs: 5, probeTimeoutMs: 50, defaultShutdownTimeoutSec: 1 };
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function game(id: string, vmid: number, extra: Partial<Game> = {}): Game {
  const url = `http://game-${id}.test/`;
  return { id, name: id, vmid, url, node: undefined, probeUrl: url, description: "", image: undefined, bootTimeoutSec: 5, controls: [], aspectRatio: "16/9", upstream: url, idleStopMinutes: undefined, maxScore: 1_000_000_000, multiplayer: false, dir: "", ...extra };
}

function setup(games: Game[], proxmox: FakeProxmox, answering = (g: string) => proxmox.cts.get(games.find((x) => x.id === g)!.vmid)?.status === "running") {
  const dir = mkdtempSync(path.join(tmpdir(), "lifecycle-"));
  const db = openDatabase(path.join(dir, "arcade.db"));
  cleanups.push(() => (db.close(), rmSync(dir, { recursive: true, force: true })));
  const catalogue: Catalogue = { games, byId: new Map(games.map((g) => [g.id, g])) };
  const events = new EventLog(db);
  const probe = async (url: string) => {
    const id = games.find((g) => g.probeUrl === url)!.id;
    return answering(id) ? { ok: true as const, status: 200 } : { ok: false as const, detail: "connection refused" };
  };
  const lifecycle = createLifecycle({ proxmox, catalogue, db, events, probe, timing });
  return { lifecycle, events, db };
}

describe("the lifecycle state machine", () => {
  it("shares one start task between 20 concurrent plays and brings every caller to ready", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const { lifecycle, events } = setup([game("snake", 2201)], proxmox);
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    const states = Array.from({ length: 20 }, () => lifecycle.play("snake", web).state);
    expect(new Set(states)).toEqual(new Set(["starting"]));
    await lifecycle.idle();
    expect(proxmox.count("start")).toBe(1);
    expect(lifecycle.board.get("snake")?.state).toBe("ready");
    expect(events.query({ types: ["game.starting"] })).toHaveLength(1);
    expect(events.query({ types: ["game.ready"] })[0]?.durationMs).toBeGreaterThan(0);
  });

  it("walks through the named stages in order", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const { lifecycle } = setup([game("snake", 2201)], proxmox);
    const stages: string[] = [];
    lifecycle.board.subscribe((s) => {
      if (s.stage && stages.at(-1) !== s.stage) stages.push(s.stage);
    });
    lifecycle.play("snake", web);
    await lifecycle.idle();
    expect(stages).toEqual(["requested", "container_starting", "container_running", "waiting_for_game", "ready"]);
  });

  it("answers a play on a ready game at once without asking Proxmox to start anything", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "running" }]);
    const { lifecycle } = setup([game("snake", 2201)], proxmox);
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    await lifecycle.idle();
    expect(lifecycle.play("snake", web).state).toBe("ready");
    expect(proxmox.count("start")).toBe(0);
  });

  it("leaves a game failed with Proxmox's own words when the start task fails", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped", lock: "backup" }]);
    const { lifecycle, events } = setup([game("snake", 2201)], proxmox);
    lifecycle.play("snake", web);
    await lifecycle.idle();
    expect(lifecycle.board.get("snake")).toMatchObject({ state: "failed", reason: "Proxmox could not start CT 2201: CT is locked (backup)" });
    expect(events.query({ types: ["game.failed"] })[0]?.message).toBe("snake failed to start: Proxmox could not start CT 2201: CT is locked (backup)");
  });

  it("fails with a sentence when the game never answers within its boot timeout", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const { lifecycle } = setup([game("snake", 2201, { bootTimeoutSec: 5 })], proxmox, () => false);
    lifecycle.context.settings.set("snake", { bootTimeoutSec: 1, shutdownTimeoutSec: null }, "test");
    lifecycle.play("snake", web);
    await lifecycle.idle();
    expect(lifecycle.board.get("snake")?.reason).toBe("game not answering at http://game-snake.test/ after 1 s (connection refused)");
  });

  it("falls back to a hard stop when the guest ignores the shutdown", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "running", guestShutdownMs: 5_000 }]);
    const { lifecycle, events } = setup([game("snake", 2201)], proxmox);
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    await lifecycle.idle();
    lifecycle.power("snake", "shutdown", web);
    await lifecycle.idle();
    expect(proxmox.calls.filter((c) => /^(shutdown|stop) /.test(c))).toEqual(["shutdown 2201", "stop 2201"]);
    expect(lifecycle.board.get("snake")?.state).toBe("stopped");
    expect(events.query({ types: ["game.stopped"] })[0]?.reason).toMatch(/shutdown did not finish within 1 s \(container did not stop\), so it was force-stopped/);
  });

  it("starts a CT once for two games that share it", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2203, node: "pve1", status: "stopped" }]);
    const { lifecycle } = setup([game("memory", 2203), game("chess", 2203)], proxmox);
    lifecycle.play("memory", web);
    lifecycle.play("chess", web);
    await lifecycle.idle();
    expect(proxmox.count("start")).toBe(1);
    expect([lifecycle.board.get("memory")?.state, lifecycle.board.get("chess")?.state]).toEqual(["ready", "ready"]);
  });

  it("does not take a lagging cluster view for an outside stop, but notices a real one", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const { lifecycle, events } = setup([game("snake", 2201)], proxmox);
    proxmox.clusterView = new Map([[2201, "stopped"]]);
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    lifecycle.play("snake", web);
    await lifecycle.idle();
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    expect(lifecycle.board.get("snake")?.state).toBe("ready");
    proxmox.cts.get(2201)!.status = "stopped";
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    expect(lifecycle.board.get("snake")?.state).toBe("stopped");
    expect(events.query({ types: ["game.stopped_externally"] })).toHaveLength(1);
  });

  it("adopts a CT started outside the arcade and probes its game before calling it ready", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const { lifecycle, events } = setup([game("snake", 2201)], proxmox);
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    proxmox.cts.get(2201)!.status = "running";
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    await lifecycle.idle();
    expect(lifecycle.board.get("snake")?.state).toBe("ready");
    expect(events.query({}).map((e) => e.type)).toEqual(["game.ready", "game.started_externally"]);
    expect(proxmox.count("start")).toBe(0);
  });

  it("resumes a start that a restart cut off before Proxmox answered, and reaches ready instead of failing", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }], 60);
    const { lifecycle, events } = setup([game("snake", 2201)], proxmox);
    // The previous portal saved the operation and sent start, then died before the UPID came back.
    await proxmox.powerContainer("pve1", 2201, "start");
    lifecycle.context.pending.save({ vmid: 2201, node: "pve1", action: "start", upid: null, gameIds: ["snake"], actor: { kind: "user", id: alex.discordId, name: "Alex" }, source: "web", startedAt: Date.now() });
    expect(lifecycle.resumePendingOps()).toBe(1);
    await lifecycle.idle();
    expect(lifecycle.board.get("snake")?.state).toBe("ready");
    expect(events.query({ types: ["game.failed", "game.started_externally"] })).toHaveLength(0);
  });

  it("estimates boots from cold starts only, not from reboots or CTs that were already up", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const { lifecycle, events } = setup([game("snake", 2201)], proxmox);
    lifecycle.play("snake", web);
    await lifecycle.idle();
    const [ready] = events.query({ types: ["game.ready"] });
    expect(ready?.upid).toMatch(/:vzstart:2201:/);
    lifecycle.power("snake", "reboot", web);
    await lifecycle.idle();
    expect(events.query({ types: ["game.ready"] })).toHaveLength(2);
    expect(events.recentBootDurations("snake")).toEqual([ready!.durationMs]);
  });

  it("shows unknown with the reason while Proxmox is unreachable, once, and recovers", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const { lifecycle, events } = setup([game("snake", 2201)], proxmox);
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    lifecycle.observeUnreachable(new Error("Proxmox at https://fake is not reachable (ECONNREFUSED)."), true);
    lifecycle.observeUnreachable(new Error("Proxmox at https://fake is not reachable (ECONNREFUSED)."), false);
    expect(lifecycle.board.get("snake")).toMatchObject({ state: "unknown", reason: "Proxmox at https://fake is not reachable (ECONNREFUSED)." });
    expect(events.query({ types: ["proxmox.unreachable"] })).toHaveLength(1);
    await lifecycle.observeCluster(await proxmox.listClusterContainers());
    expect(lifecycle.board.get("snake")?.state).toBe("stopped");
  });
});
