import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { ScoresPush } from "@/lib/api/score-schemas";
import type { GameView } from "@/lib/api/schemas";
import { deleteScore } from "@/lib/control-plane/delete-score";
import { listScores } from "@/lib/control-plane/list-scores";
import { postScore } from "@/lib/control-plane/post-score";
import { recordPlayable } from "@/lib/control-plane/record-playable";
import { recordPresence } from "@/lib/control-plane/record-presence";
import { openDatabase } from "@/lib/db";
import { migrations } from "@/lib/db/migrations";
import { EventLog } from "@/lib/events";
import { admin, ControlPlaneHarness, member } from "../support/control-plane-harness";

const sam = { actor: { ...member.actor, discordId: "311111111111111112", name: "Sam" }, source: "discord" as const };
const adminUser = { actor: { ...member.actor, discordId: "311111111111111113", name: "Ada", isGuildOwner: true }, source: "web" as const };

let harness: ControlPlaneHarness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function arcade() {
  harness = await ControlPlaneHarness.start({
    nodes: [{ name: "pve1" }],
    containers: [{ vmid: 2201, node: "pve1", status: "running" }],
    games: [{ id: "snake", vmid: 2201, maxScore: 5000 }],
  });
  await harness.waitForState("snake", "ready");
  return harness;
}

/** What every open stream is told: status views and score frames, in order. */
function listen(h: ControlPlaneHarness) {
  const frames: Array<{ kind: "status"; view: GameView } | { kind: "scores"; push: ScoresPush }> = [];
  h.cp.hub.subscribe({ status: (view) => frames.push({ kind: "status", view }), scores: (push) => frames.push({ kind: "scores", push }) });
  return frames;
}

describe("migration 4 on a real database file", () => {
  it("brings a database of the previous release to scores, keeps its events, and runs once", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arcade-migrate-"));
    dirs.push(dir);
    const file = path.join(dir, "arcade.db");
    const old = new Database(file);
    old.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    for (const migration of migrations.filter((m) => m.version <= 2)) {
      old.exec(migration.sql);
      old.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(migration.version, migration.name, "2026-11-01T00:00:00.000Z");
    }
    old.prepare("INSERT INTO events (at, type, game_id, actor_kind, actor_name, source, message) VALUES (?, 'game.ready', 'snake', 'system', 'Cartofia Arcade', 'auto', 'snake is ready')").run("2026-11-01T10:00:00.000Z");
    old.close();

    const db = openDatabase(file);
    expect(db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all()).toEqual(migrations.map((m) => m.version));
    const [kept] = new EventLog(db).query();
    expect(kept).toMatchObject({ type: "game.ready", message: "snake is ready", detail: null });
    db.close();

    // Opening again applies nothing twice (a second CREATE TABLE scores would throw).
    const again = openDatabase(file);
    expect(again.prepare("SELECT COUNT(*) FROM schema_migrations WHERE version = 4").pluck().get()).toBe(1);
    expect(again.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('scores', 'players', 'playable_times') ORDER BY name").pluck().all()).toEqual([
      "playable_times",
      "players",
      "scores",
    ]);
    again.close();
  });
});

describe("scores through the control plane", () => {
  it("credits the caller, records a new record once as an event, and pushes the board and the card's record", async () => {
    const h = await arcade();
    const frames = listen(h);
    const first = postScore(h.cp, "snake", member, { score: 1300 });
    expect(first).toMatchObject({ personalBest: true, record: true, previousBest: null, score: { rank: 1, score: 1300, player: { name: "Alex" } } });
    expect(first.score.player.discordId).toBeUndefined();
    const lower = postScore(h.cp, "snake", sam, { score: 900 });
    expect(lower).toMatchObject({ personalBest: true, record: false, score: { rank: 2 } });
    const beaten = postScore(h.cp, "snake", sam, { score: 1520 }, Date.now() + 6_000);
    expect(beaten).toMatchObject({ personalBest: true, record: true, previousBest: 900 });

    const records = h.cp.events.query({ types: ["score.record"] }).reverse();
    expect(records.map((e) => [e.actor.name, e.source, e.message])).toEqual([
      ["Alex", "web", "Alex set the first snake record: 1,300"],
      ["Sam", "discord", "Sam set a new snake record: 1,520 — beat Alex's 1,300"],
    ]);
    expect(records[1]!.detail).toEqual({ scoreId: beaten.score.id, score: 1520, mode: null, player: { name: "Sam" }, previous: { name: "Alex", score: 1300, samePlayer: false } });

    const pushes = frames.flatMap((f) => (f.kind === "scores" ? [f.push] : []));
    expect(pushes.map((p) => p.top.map((e) => e.score))).toEqual([[1300], [1300, 900], [1520, 1300]]);
    expect(JSON.stringify(pushes)).not.toContain(member.actor.discordId);
    const views = frames.flatMap((f) => (f.kind === "status" ? [f.view.records] : []));
    expect(views.at(-1)).toEqual([expect.objectContaining({ name: "Sam", score: 1520, mode: null })]);

    // After a restart the boards and the card's record come back from the database file.
    await h.restart();
    expect(h.cp.hub.view("snake").records).toEqual([expect.objectContaining({ name: "Sam", score: 1520 })]);
    expect(listScores(h.cp, "snake", member).boards[0]!.mine).toMatchObject({ rank: 2, score: 1300 });
  });

  it("refuses a score above the game's maxScore, a second one within 5 s with a retry time, and one without a player", async () => {
    const h = await arcade();
    const tooHigh = (() => {
      try {
        postScore(h.cp, "snake", member, { score: 5001 });
      } catch (error) {
        return (error as { issues?: Array<{ message: string }> }).issues?.[0]?.message;
      }
    })();
    expect(tooHigh).toBe('score must be at most 5,000 for this game (its game.json "maxScore")');
    postScore(h.cp, "snake", member, { score: 10 });
    let refusal: unknown;
    try {
      postScore(h.cp, "snake", member, { score: 20, mode: "hard" });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: "rate_limited:score", status: 429, retryAfterSec: 5 });
    expect((refusal as Error).message).toMatch(/^snake keeps at most one score per player every 5 s, and your last one came 0\.\d s ago: send this one again in 5 s\.$/);
    expect(() => postScore(h.cp, "snake", admin, { score: 1 })).toThrow("A score belongs to a player");
    expect(listScores(h.cp, "snake", admin).boards.map((b) => b.top.map((e) => e.score))).toEqual([[10]]);
  });

  it("shows Discord ids to admins and the token only, and lets only admins delete, with an audit entry", async () => {
    const h = await arcade();
    const posted = postScore(h.cp, "snake", member, { score: 70 });
    const asMember = listScores(h.cp, "snake", sam);
    expect(asMember.canDelete).toBe(false);
    expect(asMember.you?.name).toBe("Sam");
    expect(asMember.boards[0]!.top[0]!.player).toEqual({ key: posted.score.player.key, name: "Alex", avatarUrl: null });
    expect(listScores(h.cp, "snake", admin).boards[0]!.top[0]!.player.discordId).toBe(member.actor.discordId);

    expect(() => deleteScore(h.cp, "snake", posted.score.id, sam)).toThrow("Only arcade admins can delete scores.");
    deleteScore(h.cp, "snake", posted.score.id, adminUser);
    expect(listScores(h.cp, "snake", admin).boards).toEqual([]);
    expect(h.cp.events.query({ types: ["score.deleted"] })[0]).toMatchObject({ actor: { name: "Ada" }, message: "Ada deleted Alex's snake score of 70" });
    expect(h.cp.hub.view("snake").records).toEqual([]);
    expect(() => deleteScore(h.cp, "snake", posted.score.id, adminUser)).toThrow(/has no score/);
  });

  it("shows the game's status next to its player until they leave", async () => {
    const h = await arcade();
    recordPresence(h.cp, "snake", member.actor, "beat", "Level 3");
    expect(h.cp.hub.view("snake").players).toEqual([expect.objectContaining({ name: "Alex", status: "Level 3" })]);
    recordPresence(h.cp, "snake", member.actor, "beat");
    expect(h.cp.hub.view("snake").players[0]!.status).toBe("Level 3");
    recordPresence(h.cp, "snake", member.actor, "leave");
    recordPresence(h.cp, "snake", member.actor, "beat");
    expect(h.cp.hub.view("snake").players).toEqual([expect.objectContaining({ name: "Alex", status: null })]);
  });

  it("keeps time to playable apart for a game that booted for the player and one that was up", async () => {
    const h = await arcade();
    // A press 100 ms ago found the game up already (warm) …
    await new Promise((resolve) => setTimeout(resolve, 300));
    recordPlayable(h.cp, "snake", member, { ms: 100 });
    // … and a press long enough ago that the ready came during the wait counts as cold.
    const since = h.cp.lifecycle.board.get("snake")!.since;
    recordPlayable(h.cp, "snake", member, { ms: Date.now() - since + 2_000 });
    const summary = h.cp.playable.summary("snake");
    expect(summary.warm).toEqual({ medianMs: 100, p90Ms: 100, samples: 1 });
    expect(summary.cold?.samples).toBe(1);
    expect(() => recordPlayable(h.cp, "snake", member, { ms: -1 })).toThrow();
  });
});
