import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ArcadeError } from "../errors";

/** `arcade-20261128T030000Z.db` for `arcade.db` at that time (UTC): sorts by name in time order. */
export function backupName(dbFile: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `${path.basename(dbFile, path.extname(dbFile))}-${stamp}.db`;
}

/** The backups of `dbFile` in `dir`, oldest first. */
export function listBackups(dbFile: string, dir: string): string[] {
  const prefix = path.basename(dbFile, path.extname(dbFile));
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-\\d{8}T\\d{6}Z\\.db$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => pattern.test(name)).sort().map((name) => path.join(dir, name));
}

/** Throws with a sentence unless `file` is an intact SQLite database with the arcade's tables. */
export function checkDatabaseFile(file: string, what: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ArcadeError("bad_request:backup", `${what} ${file} cannot be opened as a SQLite database (${(error as Error).message}).`, { cause: error });
  }
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new ArcadeError("bad_request:backup", `${what} ${file} fails SQLite's integrity check: ${String(result)}.`);
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has("events") || !tables.has("schema_migrations")) throw new ArcadeError("bad_request:backup", `${what} ${file} is a SQLite database, but not the arcade's (no events table).`);
  } catch (error) {
    if (error instanceof ArcadeError) throw error;
    throw new ArcadeError("bad_request:backup", `${what} ${file} is damaged: ${(error as Error).message}.`, { cause: error });
  } finally {
    db.close();
  }
}

/**
 * Copies the live database to `target` with SQLite's online backup API (consistent while the portal writes, WAL
 * included; a file copy of a live WAL database is not) as one standalone file, and checks the copy.
 */
export async function copyDatabaseOnline(dbFile: string, target: string): Promise<void> {
  let source: Database.Database;
  try {
    source = new Database(dbFile, { fileMustExist: true, timeout: 5_000 });
  } catch (error) {
    throw new ArcadeError("not_found:database", `There is no database at ${dbFile} to back up (ARCADE_DB).`, { cause: error });
  }
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  // The copy is a standalone file: rollback journal, no -wal beside it.
  const copy = new Database(target);
  copy.pragma("journal_mode = DELETE");
  copy.close();
  checkDatabaseFile(target, "The new backup");
}

/** A timestamped online copy of the database in `dir` (copyDatabaseOnline), keeping the newest `keep` backups. */
export async function backupDatabase(dbFile: string, dir: string, keep: number, now = new Date()): Promise<{ file: string; removed: string[] }> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupName(dbFile, now));
  const partial = `${file}.partial`;
  await copyDatabaseOnline(dbFile, partial);
  renameSync(partial, file);
  const all = listBackups(dbFile, dir);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const old of removed) rmSync(old, { force: true });
  return { file, removed };
}
