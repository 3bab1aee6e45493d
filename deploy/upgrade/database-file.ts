import { copyFileSync, existsSync, renameSync } from "node:fs";
import Database from "better-sqlite3";

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

function checkIntegrityOrThrow(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`${file} fails SQLite's integrity check (${String(result)})`);
  } finally {
    db.close();
  }
}

async function snapshot(file: string, target: string): Promise<void> {
  const db = new Database(file, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  // The copy inherits WAL mode; as a rollback journal it stays one self-contained file.
  const copy = new Database(target, { fileMustExist: true });
  copy.pragma("journal_mode = DELETE");
  copy.close();
  checkIntegrityOrThrow(target);
}

function restore(copy: string, file: string, suffix: string): void {
  checkIntegrityOrThrow(copy);
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
  else if (command === "snapshot" && args.length === 2) await snapshot(args[0]!, args[1]!);
  else if (command === "restore" && args.length === 3) restore(args[0]!, args[1]!, args[2]!);
  else throw new Error(usage);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
