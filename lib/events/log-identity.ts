import { randomBytes } from "node:crypto";
import type { Db } from "../db/open-database";

/** One life of the event log: ids after `startsAfter` were written under this identity. */
export type LogIdentity = { id: string; startsAfter: number; createdAt: string; reason: string };

/** Where a client says it is: `<logId>:<eventId>` from this portal, or a bare event id from older clients. */
export type EventCursor = { logId: string | null; id: number };

/** Where a stream resumes: replay the stored events after `after`; `reset` when the client's ids are not ours. */
export type ResumePoint = { after: number; reset: boolean };

type Row = { id: string; starts_after: number; created_at: string; reason: string };

/** Every identity the log has had, oldest first; the last one is the current one. */
export function listLogIdentities(db: Db): LogIdentity[] {
  const rows = db.prepare("SELECT id, starts_after, created_at, reason FROM event_logs ORDER BY seq").all() as Row[];
  return rows.map((r) => ({ id: r.id, startsAfter: r.starts_after, createdAt: r.created_at, reason: r.reason }));
}

/**
 * Gives the log a new identity that owns the events after the newest stored one. A restored backup does this:
 * clients that saw ids past the backup saw events this log no longer has, and ids from here on are reused.
 */
export function rotateLogIdentity(db: Db, reason: string): LogIdentity {
  const newest = (db.prepare("SELECT COALESCE(MAX(id), 0) FROM events").pluck().get() as number) ?? 0;
  const identity = { id: randomBytes(6).toString("hex"), startsAfter: newest, createdAt: new Date().toISOString(), reason };
  db.prepare("INSERT INTO event_logs (id, starts_after, created_at, reason) VALUES (?, ?, ?, ?)").run(identity.id, identity.startsAfter, identity.createdAt, reason);
  return identity;
}

export function formatCursor(logId: string, id: number): string {
  return `${logId}:${id}`;
}

/** Reads `Last-Event-ID` / `?lastEventId=`: `<logId>:<id>` or a bare id; null when absent or not a cursor. */
export function parseCursor(raw: string | null): EventCursor | null {
  if (raw === null || raw === "") return null;
  const match = /^(?:([A-Za-z0-9_-]{1,64}):)?(\d{1,15})$/.exec(raw.trim());
  if (!match) return null;
  return { logId: match[1] ?? null, id: Number(match[2]) };
}

/**
 * Decides where a resuming client continues. Within one identity (or an older identity whose events up to the
 * restore point are still ours) the client is behind and gets what it missed. An id past the point where its
 * log and ours part, an unknown identity, or a bare id above the newest one is a reset: the client gets every
 * event written since the parting, and is told so.
 */
export function resolveResume(chain: LogIdentity[], cursor: EventCursor, newest: number): ResumePoint {
  const current = chain.at(-1);
  if (!current || cursor.logId === null || cursor.logId === current.id) {
    return cursor.id <= newest ? { after: cursor.id, reset: false } : { after: newest, reset: true };
  }
  const index = chain.findIndex((identity) => identity.id === cursor.logId);
  if (index < 0) return { after: Math.min(current.startsAfter, newest), reset: true };
  // The client's log and ours share the events up to the earliest restore point since its identity.
  const parting = Math.min(newest, ...chain.slice(index + 1).map((identity) => identity.startsAfter));
  return cursor.id <= parting ? { after: cursor.id, reset: false } : { after: parting, reset: true };
}
