import { copyFileSync, existsSync, renameSync } from "node:fs";
import Database from "better-sqlite3";
import { checkDatabaseFile, copyDatabaseOnline } from "../../lib/db/backup-database";

// The portal database steps of deploy/upgrade.sh, run with the release's own better-sqlite3:
//   version <db>                   the newest migration applied (0: no file or no schema yet)
//   snapshot <db> <file>           an online, consistent copy (SQLite's backup API, safe while the portal writes)
//   restore <file> <db> <suffix>   puts the copy back, keeping the replaced files as <name>.<suffix>
const usage = "usage: database-file.ts version <db> | snapshot <db> <file> | restore <file> <db> <suffix>";

function schemaVersion(file: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    return table ? ((db.prepare("SELECT max(version) FROM schema_migrations").pluck().get() as number | null) ?? 0) : 0;
  } finally {
    db.close();
  }
}

function restore(copy: string, file: string, suffix: string): void {
  checkDatabaseFile(copy, "The pre-upgrade backup");
  // The WAL and shared-memory files belong to the replaced database: left in place they would be replayed onto the copy.
  for (const part of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(part)) renameSync(part, `${part}.${suffix}`);
  }
  copyFileSync(copy, `${file}.restoring`);
  renameSync(`${file}.restoring`, file);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command === "version" && args.length === 1) console.log(schemaVersion(args[0]!));
  else if (command === "snapshot" && args.length === 2) await copyDatabaseOnline(args[0]!, args[1]!);
  else if (command === "restore" && args.length === 3) restore(args[0]!, args[1]!, args[2]!);
  else throw new Error(usage);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
