import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrations } from "./migrations";

export type Db = Database.Database;

/**
 * The database was last written by a newer version of the portal (it holds migrations this code does not know).
 * Older code must not touch it: it would write rows the newer schema does not expect, or miss columns it needs.
 */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `The database ${file} has schema version ${databaseVersion}, newer than this portal knows (${codeVersion}): a newer ` +
        "version of the portal has used it. Run that version again, or restore the backup taken before the upgrade " +
        "(docs/upgrade.md); this portal leaves the file untouched.",
    );
    this.name = "DatabaseTooNewError";
  }
}

/** Opens (creating if needed) the SQLite file and brings its schema up to date; refuses a schema newer than the code. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // Another process (a second portal on the same file) may hold the write lock for a moment.
    db.pragma("busy_timeout = 5000");
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: Db, file: string): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  const known = new Set(migrations.map((m) => m.version));
  // Migrations run forward only: checked before any of ours runs, so a refused file is left exactly as it was.
  const unknown = [...applied].filter((version) => !known.has(version));
  if (unknown.length > 0) throw new DatabaseTooNewError(file, Math.max(...applied), Math.max(...known));
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
}
