import Database from "better-sqlite3";

/** The file beside the database whose lock says "a portal uses this database now". */
export function portalLockFile(dbFile: string): string {
  return `${dbFile}-portal.lock`;
}

function isBusy(error: unknown): boolean {
  return (error as { code?: string }).code === "SQLITE_BUSY";
}

/**
 * Takes the database's portal lock for as long as the returned handle is open: an exclusive SQLite lock on a
 * small file beside the database. It is an OS file lock, so the kernel lets go of it when the process ends,
 * however it ends (kill -9 included): no stale pid file to clean up. Null when another process holds it.
 */
export function holdPortalLock(dbFile: string): { release(): void } | null {
  const lock = new Database(portalLockFile(dbFile), { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    // The first write takes the exclusive lock; in EXCLUSIVE locking mode SQLite keeps it until close.
    lock.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL); DELETE FROM holder;");
    lock.prepare("INSERT INTO holder (pid, since) VALUES (?, ?)").run(process.pid, new Date().toISOString());
  } catch (error) {
    lock.close();
    if (isBusy(error)) return null;
    throw error;
  }
  return { release: () => lock.close() };
}

/** Whether a process holds the database's portal lock right now (a running portal, or a restore in progress). */
export function isPortalLockHeld(dbFile: string): boolean {
  const held = holdPortalLock(dbFile);
  held?.release();
  return held === null;
}
