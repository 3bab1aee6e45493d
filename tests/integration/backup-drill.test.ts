import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannelPort, isPermanentDiscordError } from "@/bot/discord/channel-port";
import { followPortal } from "@/bot/follow-portal";
import { createLinks } from "@/bot/format/payload";
import { createGameBoard } from "@/bot/games/game-board";
import { silentLogger } from "@/bot/log";
import { formatNotification } from "@/bot/notifications/format-notification";
import { createNotifier } from "@/bot/notifications/notifier";
import { openStateStore } from "@/bot/state/state-store";
import { createEventStream, eventStreamHeaders, readLastEventId } from "@/lib/api/event-stream";
import { updateGameSettings } from "@/lib/control-plane/update-game-settings";
import demoConfig from "@/sim/discord/demo-config.json";
import { startDiscordSim, type DiscordSim } from "@/sim/discord";
import { admin, ControlPlaneHarness, member } from "../support/control-plane-harness";

// The backup drill: events, settings and an operation in flight; backup; the database lost; restore; the portal
// restarted. The portal's event stream (the same function the route serves) runs on loopback for the real bot
// pipeline (stream follower, notifier, state file, discord.js REST) posting to sim/discord.
const channelId = demoConfig.guild.channels.find((c) => c.name === "arcade")!.id;
let harness: ControlPlaneHarness;
let discord: DiscordSim;
let server: Server;
let baseUrl: string;
let dir: string;

function run(script: "backup" | "restore", args: string[] = []) {
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ARCADE_DB: harness.env.dbFile, ARCADE_BACKUP_DIR: path.join(dir, "backups"), ARCADE_BACKUP_KEEP: "2" } as unknown as NodeJS.ProcessEnv;
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { env, encoding: "utf8", timeout: 30_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(async () => {
  harness = await ControlPlaneHarness.start({
    nodes: [{ name: "pve1" }],
    containers: [{ vmid: 2201, node: "pve1" }, { vmid: 2202, node: "pve1" }],
    games: [{ id: "snake", vmid: 2201 }, { id: "tetris", vmid: 2202 }],
    timing: { startMs: 1_500 },
  });
  dir = mkdtempSync(path.join(tmpdir(), "arcade-drill-"));
  discord = await startDiscordSim(demoConfig);
  server = createServer((req, res) => {
    const request = new Request(`http://127.0.0.1${req.url}`, { headers: req.headers as Record<string, string> });
    const abort = new AbortController();
    req.on("close", () => abort.abort());
    const stream = createEventStream(harness.cp.hub, harness.cp.events, { cursor: readLastEventId(request), signal: abort.signal });
    res.writeHead(200, eventStreamHeaders);
    Readable.fromWeb(stream as NodeReadableStream).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await discord.close();
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the backup drill", () => {
  it("brings back events, settings and an operation in flight from a backup, and the bot carries on posting", async () => {
    await harness.waitForState("snake", "stopped");
    await harness.waitForState("tetris", "stopped");
    const store = openStateStore(path.join(dir, "bot-state.json"), silentLogger);
    const board = createGameBoard();
    const channels = createChannelPort(new REST({ api: discord.apiUrl }).setToken(demoConfig.bot.token));
    const links = createLinks("https://arcade.example.com");
    const notifier = createNotifier(
      {
        post: async (payload, nonce) => void (await channels.post(channelId, payload, { nonce })),
        lastDelivered: () => store.read().lastEventId,
        saveLastDelivered: (id, logId) => store.save({ lastEventId: id, logId }),
        format: (event) => formatNotification(event, (id) => board.get(id)?.name ?? id, links),
        isPermanent: isPermanentDiscordError,
        log: silentLogger,
      },
      { maxBacklog: 10, backlogSettleMs: 300 },
    );
    const abort = new AbortController();
    const following = followPortal({ baseUrl, token: "drill", lastEventId: null, logId: null, board, notifier, statusMessage: null, log: silentLogger, signal: abort.signal, backoff: { initialMs: 50, maxMs: 200 } });
    const posts = () => discord.messages(channelId).map((m) => m.content);
    try {
      await discord.waitFor(() => board.isLive());
      harness.cp.lifecycle.play("snake", member);
      await harness.waitForState("snake", "ready");
      updateGameSettings(harness.cp, "tetris", { bootTimeoutSec: 42 }, admin);
      harness.cp.lifecycle.play("tetris", member);
      await discord.waitFor(() => harness.cp.lifecycle.board.get("tetris")?.upid);
      const eventsAtBackup = harness.cp.events.query({ limit: 500 }).map((e) => e.id);

      const backup = run("backup");
      expect(backup.out).toMatch(/^Backed up .* to .*arcade-\d{8}T\d{6}Z\.db\.$/m);
      const backupFile = /to (\S+arcade-\d{8}T\d{6}Z\.db)\./.exec(backup.out)![1]!;
      expect(backup.code).toBe(0);
      const refused = run("restore", [backupFile]);
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/The portal is running on .*: stop it first/);

      // Life goes on after the backup, and the bot posts it: ids the restored log will hand out again.
      await harness.waitForState("tetris", "ready");
      harness.cp.lifecycle.power("snake", "shutdown", admin);
      await harness.waitForState("snake", "stopped");
      await discord.waitFor(() => posts().some((p) => /\*\*snake\*\* was shut down/.test(p)), 10_000);
      const postedBefore = posts().length;

      harness.cp.hub.closeStreams(50);
      await harness.restart(() => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${harness.env.dbFile}${suffix}`, { force: true });
        const restored = run("restore", [backupFile]);
        expect(restored.out).toMatch(/Restored .*\nThere was no database to replace\./);
        expect(restored.code).toBe(0);
      });

      expect(harness.cp.events.query({ limit: 500 }).map((e) => e.id).filter((id) => id <= eventsAtBackup[0]!)).toEqual(eventsAtBackup);
      expect(harness.cp.lifecycle.settings.get("tetris").bootTimeoutSec).toBe(42);
      // The start in flight at backup time is watched to its end on the same task, not sent again.
      await harness.waitForState("tetris", "ready");
      expect(harness.requests("POST /api2/json/nodes/pve1/lxc/2202/status/start")).toBe(1);
      await harness.waitForState("snake", "stopped");

      // The bot was past the backup point: its log was reset, and it posts what the restored portal records.
      harness.cp.lifecycle.play("snake", member);
      await harness.waitForState("snake", "ready");
      await discord.waitFor(() => posts().slice(postedBefore).filter((p) => /\*\*snake\*\* is ready/.test(p)).length > 0, 10_000);
      // What the restored log records after its restore point, each once: the shutdown after the backup was lost
      // with the restore, so the next portal finds snake stopped "outside"; tetris's ready is recorded again.
      expect([...posts().slice(postedBefore)].sort()).toEqual([
        "▶️ **Alex** started **snake** from the web.",
        "⚠️ **snake** was stopped outside the arcade (directly on Proxmox) while the portal was down.",
        expect.stringMatching(/^✅ \*\*snake\*\* is ready/),
        expect.stringMatching(/^✅ \*\*tetris\*\* is ready/),
      ]);
      expect(store.read().logId).toBe(harness.cp.events.identity().id);
      expect(existsSync(backupFile)).toBe(true);
    } finally {
      abort.abort();
      await following;
      notifier.stop();
    }
  });
});
