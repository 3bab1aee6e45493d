import { copyFileSync, existsSync, renameSync } from "node:fs";
import { ArcadeError } from "../errors";
import { rotateLogIdentity } from "../events/log-identity";
import { checkDatabaseFile } from "./backup-database";
import { openDatabase } from "./open-database";
import { holdPortalLock, portalLockFile } from "./portal-lock";

export type RestoreResult = { replacedKeptAs: string | null; logId: string };

/**
 * Puts a backup in place of the database while no portal runs: checks the backup, keeps the replaced files
 * (database and its WAL) beside it, brings the restored schema up to date and gives the event log a new identity.
 * A restore rewinds the log: clients that saw ids past the backup would otherwise take the new events, which
 * reuse those ids, for ones they already have. The new identity tells them their log was reset.
 */
export function restoreDatabase(dbFile: string, backupFile: string, now = new Date()): RestoreResult {
  const lock = holdPortalLock(dbFile);
  if (!lock) {
    throw new ArcadeError(
      "conflict:portal_running",
      `The portal is running on ${dbFile} (it holds ${portalLockFile(dbFile)}): stop it first (systemctl stop cartofia-portal), then restore.`,
    );
  }
  try {
    checkDatabaseFile(backupFile, "The backup");
    // Prepared beside the database and only then swapped in: a backup this code cannot open changes nothing.
    const restoring = `${dbFile}.restoring`;
    copyFileSync(backupFile, restoring);
    const db = openDatabase(restoring);
    let logId: string;
    try {
      logId = rotateLogIdentity(db, `restored from ${backupFile}`).id;
    } finally {
      db.close();
    }
    const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    let replacedKeptAs: string | null = null;
    for (const suffix of ["", "-wal", "-shm"]) {
      if (!existsSync(`${dbFile}${suffix}`)) continue;
      renameSync(`${dbFile}${suffix}`, `${dbFile}.replaced-${stamp}${suffix}`);
      if (suffix === "") replacedKeptAs = `${dbFile}.replaced-${stamp}`;
    }
    renameSync(restoring, dbFile);
    return { replacedKeptAs, logId };
  } finally {
    lock.release();
  }
}
