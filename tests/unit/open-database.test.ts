import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseTooNewError, openDatabase } from "@/lib/db";
import { migrations } from "@/lib/db/migrations";

const newest = Math.max(...migrations.map((m) => m.version));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function scratchFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "open-database-"));
  dirs.push(dir);
  return path.join(dir, "arcade.db");
}

/** What a newer portal leaves behind: every migration we know, plus one we do not, with its own table. */
function writtenByNewerPortal(file: string): void {
  openDatabase(file).close();
  const db = new Database(file);
  db.exec("CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)");
  db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(newest + 1, "from a newer portal", new Date().toISOString());
  db.close();
}

describe("opening the portal's database", () => {
  it("brings a new file up to the newest migration the code knows", () => {
    const file = scratchFile();
    const db = openDatabase(file);
    expect(db.prepare("SELECT max(version) FROM schema_migrations").pluck().get()).toBe(newest);
    db.close();
  });

  it("refuses a database written by a newer portal with a sentence naming the file and both versions", () => {
    const file = scratchFile();
    writtenByNewerPortal(file);
    const refused = (() => {
      try {
        openDatabase(file);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(DatabaseTooNewError);
    expect((refused as Error).message).toContain(`The database ${file} has schema version ${newest + 1}, newer than this portal knows (${newest})`);
    expect((refused as Error).message).toContain("restore the backup taken before the upgrade");
  });

  it("leaves a refused database exactly as the newer portal wrote it, and lets that portal open it again", () => {
    const file = scratchFile();
    writtenByNewerPortal(file);
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(readFileSync(file).equals(before)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all()).toEqual([...migrations.map((m) => m.version), newest + 1]);
    db.close();
  });
});
