import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ViewHub } from "@/lib/control-plane/view-hub";
import { openDatabase } from "@/lib/db";
import { EventLog } from "@/lib/events";
import type { Game } from "@/lib/games";
import { createLifecycle } from "@/lib/lifecycle";
import { PresenceBoard } from "@/lib/presence";
import { ScoreStore } from "@/lib/scores";
import { FakeProxmox } from "../support/fake-proxmox";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function game(id: string, vmid: number, extra: Partial<Game> = {}): Game {
  const url = `http://${id}.test/`;
  return { id, name: id, vmid, url, node: "pve1", probeUrl: url, description: "", image: undefined, bootTimeoutSec: 45, controls: [], aspectRatio: "16/9", upstream: url, idleStopMinutes: undefined, maxScore: 1_000_000_000, multiplayer: false, dir: "", ...extra };
}

function hubFor(games: Game[], portalIdleMinutes: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "settings-"));
  const db = openDatabase(path.join(dir, "a.db"));
  cleanups.push(() => (db.close(), rmSync(dir, { recursive: true, force: true })));
  const events = new EventLog(db);
  const catalogue = { games, byId: new Map(games.map((g) => [g.id, g])) };
  const lifecycle = createLifecycle({ proxmox: new FakeProxmox([]), catalogue, db, events, timing: { defaultShutdownTimeoutSec: 25 } });
  return { hub: new ViewHub(catalogue, lifecycle, events, new PresenceBoard(), portalIdleMinutes, new ScoreStore(db)), lifecycle };
}

describe("a game's settings", () => {
  it("fall back from the admin's value to game.json to the portal's default, the same for the form and the cards", () => {
    const { hub, lifecycle } = hubFor([game("snake", 2201, { idleStopMinutes: 5 }), game("chess", 2202)], 30);
    lifecycle.settings.set("chess", { bootTimeoutSec: 90, idleStopMinutes: 0 }, "Admin");

    expect(hub.settings("snake")).toEqual({
      stored: { bootTimeoutSec: null, shutdownTimeoutSec: null, idleStopMinutes: null },
      defaults: { bootTimeoutSec: 45, shutdownTimeoutSec: 25, idleStopMinutes: 5 },
      effective: { bootTimeoutSec: 45, shutdownTimeoutSec: 25, idleStopMinutes: 5 },
    });
    expect(hub.settings("chess").defaults).toEqual({ bootTimeoutSec: 45, shutdownTimeoutSec: 25, idleStopMinutes: 30 });
    expect(hub.settings("chess").effective).toEqual({ bootTimeoutSec: 90, shutdownTimeoutSec: 25, idleStopMinutes: 0 });

    for (const view of hub.views()) {
      const { effective } = hub.settings(view.id);
      expect({ bootTimeoutSec: view.bootTimeoutSec, shutdownTimeoutSec: view.shutdownTimeoutSec, idleStopMinutes: view.idleStopMinutes }).toEqual(effective);
    }
  });
});
