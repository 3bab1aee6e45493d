import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backupDatabase, holdPortalLock, listBackups, openDatabase, restoreDatabase } from "@/lib/db";
import { EventLog } from "@/lib/events";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function liveDatabase(events: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "arcade-backup-"));
  dirs.push(dir);
  const file = path.join(dir, "arcade.db");
  const db = openDatabase(file);
  const log = new EventLog(db);
  for (let i = 0; i < events; i++) log.append({ type: "game.settings_changed", gameId: "snake", actor: { kind: "token", id: null, name: "API token" }, source: "api" });
  return { dir, file, db, log };
}

describe("backups", () => {
  it("copy a database that is open and in WAL mode, name them by time, and keep the newest N", async () => {
    const { dir, file, db } = liveDatabase(3);
    const backups = path.join(dir, "backups");
    for (const hour of [1, 2, 3]) await backupDatabase(file, backups, 2, new Date(Date.UTC(2026, 10, 28, hour)));
    expect(listBackups(file, backups).map((f) => path.basename(f))).toEqual(["arcade-20261128T020000Z.db", "arcade-20261128T030000Z.db"]);
    const copy = openDatabase(listBackups(file, backups)[1]!);
    expect(new EventLog(copy).lastId()).toBe(3);
    copy.close();
    db.close();
  });

  it("are restored only while no portal holds the database, after an integrity check, keeping the replaced file", async () => {
    const { dir, file, db, log } = liveDatabase(2);
    const { file: backup } = await backupDatabase(file, path.join(dir, "backups"), 5);
    const before = log.identity().id;
    const lock = holdPortalLock(file)!;
    expect(() => restoreDatabase(file, backup)).toThrow(/The portal is running on .*: stop it first/);
    lock.release();
    db.close();

    const damaged = path.join(dir, "damaged.db");
    writeFileSync(damaged, readFileSync(backup).subarray(0, 1500));
    expect(() => restoreDatabase(file, damaged)).toThrow(/The backup .*damaged\.db (fails SQLite's integrity check|is damaged|cannot be opened)/);
    const untouched = openDatabase(file);
    expect(new EventLog(untouched).lastId()).toBe(2);
    untouched.close();

    const { replacedKeptAs, logId } = restoreDatabase(file, backup, new Date(Date.UTC(2026, 10, 28, 4)));
    expect(replacedKeptAs).toBe(`${file}.replaced-20261128T040000Z`);
    expect(existsSync(replacedKeptAs!)).toBe(true);
    expect(logId).not.toBe(before);
  });
});
