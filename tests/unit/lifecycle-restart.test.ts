import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { openDatabase, type Db } from "@/lib/db";
import { EventLog } from "@/lib/events";
import type { Catalogue, Game } from "@/lib/games";
import { createLifecycle } from "@/lib/lifecycle";
import { PresenceBoard } from "@/lib/presence";
import { FakeProxmox } from "../support/fake-proxmox";

const alex: Actor = { kind: "user", discordId: "111111111111111111", name: "Alex", avatarUrl: null, roles: [], isGuildOwner: false };
const web = { actor: alex, source: "web" as const };
const timing = { taskPollMs: 5, runningPollMs: 5, probeIntervalMs: 5, probeTimeoutMs: 50, defaultShutdownTimeoutSec: 1 };
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function game(id: string, vmid: number): Game {
  const url = `http://game-${id}.test/`;
  return { id, name: id, vmid, url, node: undefined, probeUrl: url, description: "", image: undefined, bootTimeoutSec: 5, controls: [], aspectRatio: "16/9", upstream: url, idleStopMinutes: undefined, maxScore: 1_000_000_000, multiplayer: false, dir: "" };
}

/**
 * One database and one Proxmox; `portal()` builds a lifecycle on them as a (re)started portal process does, and
 * `answering` says which games' web servers answer (by default: those whose CT runs).
 */
function world(games: Game[], proxmox: FakeProxmox) {
  const dir = mkdtempSync(path.join(tmpdir(), "lifecycle-restart-"));
  const dbs: Db[] = [];
  cleanups.push(() => (dbs.forEach((db) => db.close()), rmSync(dir, { recursive: true, force: true })));
  const catalogue: Catalogue = { games, byId: new Map(games.map((g) => [g.id, g])) };
  const answering = new Map<string, boolean>();
  const probe = async (url: string) => {
    const g = games.find((x) => x.probeUrl === url)!;
    const up = answering.get(g.id) ?? proxmox.cts.get(g.vmid)?.status === "running";
    return up ? { ok: true as const, status: 200 } : { ok: false as const, detail: "connection refused" };
  };
  return {
    answering,
    portal() {
      const db = openDatabase(path.join(dir, "arcade.db"));
      dbs.push(db);
      const events = new EventLog(db);
      const lifecycle = createLifecycle({ proxmox, catalogue, db, events, probe, timing });
      lifecycle.resumePendingOps();
      return { lifecycle, events, look: async () => (await lifecycle.observeCluster(await proxmox.listClusterContainers()), await lifecycle.idle()) };
    },
  };
}

const types = (events: EventLog) => events.query({}).map((e) => e.type).reverse();

describe("a portal restart", () => {
  it("records nothing for a game that is still ready, however often the portal restarts", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const w = world([game("snake", 2201)], proxmox);
    const first = w.portal();
    await first.look();
    first.lifecycle.play("snake", web);
    await first.lifecycle.idle();
    for (let i = 0; i < 2; i++) {
      const next = w.portal();
      await next.look();
      expect(next.lifecycle.board.get("snake")?.state).toBe("ready");
      expect(types(next.events)).toEqual(["game.starting", "game.ready"]);
    }
  });

  it("records once what changed while the portal was down: a CT stopped, or started, outside the arcade", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }, { vmid: 2202, node: "pve1", status: "stopped" }]);
    const w = world([game("snake", 2201), game("tetris", 2202)], proxmox);
    const first = w.portal();
    await first.look();
    first.lifecycle.play("snake", web);
    await first.lifecycle.idle();
    // The portal is down: someone stops snake's CT and starts tetris's on Proxmox.
    proxmox.cts.get(2201)!.status = "stopped";
    proxmox.cts.get(2202)!.status = "running";
    for (let i = 0; i < 2; i++) {
      const next = w.portal();
      await next.look();
      expect([next.lifecycle.board.get("snake")?.state, next.lifecycle.board.get("tetris")?.state]).toEqual(["stopped", "ready"]);
      const away = next.events.query({ types: ["game.stopped_externally", "game.started_externally"] });
      expect(away.map((e) => e.message).sort()).toEqual(["snake was stopped outside the arcade while the portal was down", "tetris was started outside the arcade while the portal was down"]);
      expect(next.events.query({ types: ["game.ready"], gameId: "tetris" })).toHaveLength(1);
    }
  });

  it("records game.starting for a start sent again after a crash before Proxmox answered", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const w = world([game("snake", 2201)], proxmox);
    const crashed = w.portal();
    await crashed.look();
    // What a portal killed between saving the operation and Proxmox's answer leaves behind.
    crashed.lifecycle.context.pending.save({ vmid: 2201, node: "pve1", action: "start", upid: null, gameIds: ["snake"], actor: { kind: "user", id: alex.discordId, name: "Alex" }, source: "web", startedAt: Date.now() });
    const next = w.portal();
    await next.lifecycle.idle();
    expect(next.lifecycle.board.get("snake")?.state).toBe("ready");
    expect(next.events.query({ types: ["game.starting"] }).map((e) => e.message)).toEqual(["Alex started snake from the web"]);
    expect(proxmox.count("start")).toBe(1);
  });
});

describe("a failed boot", () => {
  it("shuts its CT down (auto, with the reason) and stays failed, so the next Play starts clean", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2201, node: "pve1", status: "stopped" }]);
    const w = world([game("snake", 2201)], proxmox);
    w.answering.set("snake", false);
    const { lifecycle, events, look } = w.portal();
    await look();
    lifecycle.context.settings.set("snake", { bootTimeoutSec: 1 }, "test");
    lifecycle.play("snake", web);
    await lifecycle.idle();
    expect(proxmox.cts.get(2201)?.status).toBe("stopped");
    expect(lifecycle.board.get("snake")).toMatchObject({ state: "failed", reason: expect.stringMatching(/^game not answering at/) });
    expect(types(events)).toEqual(["game.starting", "game.failed", "game.stopping", "game.stopped"]);
    expect(events.query({ types: ["game.stopped"] })[0]).toMatchObject({ source: "auto", reason: "its start failed" });
    w.answering.delete("snake");
    lifecycle.play("snake", web);
    await lifecycle.idle();
    expect(lifecycle.board.get("snake")?.state).toBe("ready");
    expect(proxmox.count("start")).toBe(2);
  });

  it("leaves the CT to idle stop while another game on it is ready, and a game answering after all becomes ready", async () => {
    const proxmox = new FakeProxmox([{ vmid: 2203, node: "pve1", status: "stopped" }]);
    const w = world([game("memory", 2203), game("chess", 2203)], proxmox);
    w.answering.set("chess", false);
    const { lifecycle, events, look } = w.portal();
    await look();
    lifecycle.context.settings.set("chess", { bootTimeoutSec: 1 }, "test");
    lifecycle.play("memory", web);
    await lifecycle.idle();
    await look();
    expect([lifecycle.board.get("memory")?.state, lifecycle.board.get("chess")?.state]).toEqual(["ready", "failed"]);
    expect(proxmox.cts.get(2203)?.status).toBe("running");
    // A failed game on a running CT no longer keeps it awake forever: it has an idle deadline too.
    const presence = new PresenceBoard();
    expect(lifecycle.idleDeadline(presence, game("chess", 2203), 30)).not.toBeNull();
    w.answering.delete("chess");
    await look();
    await expect.poll(() => lifecycle.board.get("chess")?.state).toBe("ready");
    expect(events.query({ types: ["game.ready"], gameId: "chess" })[0]).toMatchObject({ source: "auto", reason: "answering after all" });
    expect(lifecycle.stopIdleGames(presence, 30, Date.now() + 31 * 60_000)).toEqual([2203]);
    await lifecycle.idle();
    expect(proxmox.cts.get(2203)?.status).toBe("stopped");
  });
});
