import type { Db } from "../db/open-database";
import { describeEvent } from "./describe-event";
import { listLogIdentities, resolveResume, type EventCursor, type LogIdentity, type ResumePoint } from "./log-identity";
import type { ArcadeEvent, EventType, NewEvent } from "./types";

type Row = {
  id: number;
  at: string;
  type: EventType;
  game_id: string | null;
  vmid: number | null;
  node: string | null;
  actor_kind: ArcadeEvent["actor"]["kind"];
  actor_id: string | null;
  actor_name: string;
  source: ArcadeEvent["source"];
  upid: string | null;
  result: ArcadeEvent["result"];
  duration_ms: number | null;
  state: string | null;
  reason: string | null;
  message: string;
  detail: string | null;
};

// Rows written before durations left the sentence end in " (took 1.8 s)"; the figure is in duration_ms.
const OLD_DURATION_SUFFIX = / \(took \d+(\.\d+)? s\)$/;

function fromRow(row: Row): ArcadeEvent {
  return {
    id: row.id,
    at: row.at,
    type: row.type,
    gameId: row.game_id,
    vmid: row.vmid,
    node: row.node,
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    source: row.source,
    upid: row.upid,
    result: row.result,
    durationMs: row.duration_ms,
    state: row.state,
    reason: row.reason,
    message: row.message.replace(OLD_DURATION_SUFFIX, ""),
    detail: row.detail === null ? null : (JSON.parse(row.detail) as ArcadeEvent["detail"]),
  };
}

export type EventQuery = { gameId?: string; actorId?: string; types?: EventType[]; beforeId?: number; limit?: number };

export type EventListener = (event: ArcadeEvent) => void;

/** The append-only event log in SQLite, with in-process subscribers for live streams. */
export class EventLog {
  private readonly listeners = new Set<EventListener>();
  private readonly insert;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(`
      INSERT INTO events (at, type, game_id, vmid, node, actor_kind, actor_id, actor_name, source, upid, result, duration_ms, state, reason, message, detail)
      VALUES (@at, @type, @game_id, @vmid, @node, @actor_kind, @actor_id, @actor_name, @source, @upid, @result, @duration_ms, @state, @reason, @message, @detail)
      RETURNING *`);
  }

  /** Stores the event, then tells every subscriber. */
  append(input: NewEvent): ArcadeEvent {
    const row = this.insert.get({
      at: new Date().toISOString(),
      type: input.type,
      game_id: input.gameId ?? null,
      vmid: input.vmid ?? null,
      node: input.node ?? null,
      actor_kind: input.actor.kind,
      actor_id: input.actor.id,
      actor_name: input.actor.name,
      source: input.source,
      upid: input.upid ?? null,
      result: input.result ?? null,
      duration_ms: input.durationMs === undefined || input.durationMs === null ? null : Math.round(input.durationMs),
      state: input.state ?? null,
      reason: input.reason ?? null,
      message: describeEvent(input),
      detail: input.detail ? JSON.stringify(input.detail) : null,
    }) as Row;
    const event = fromRow(row);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error("event listener failed", error);
      }
    }
    return event;
  }

  /** Events after `afterId`, oldest first: what a resuming stream replays. */
  listAfter(afterId: number, limit = 1000): ArcadeEvent[] {
    const rows = this.db.prepare("SELECT * FROM events WHERE id > ? ORDER BY id ASC LIMIT ?").all(afterId, limit) as Row[];
    return rows.map(fromRow);
  }

  /** Newest first, filtered: what the audit page shows. */
  query(filter: EventQuery = {}): ArcadeEvent[] {
    const where: string[] = [];
    const args: Array<string | number> = [];
    const add = (clause: string, value: string | number | undefined) => {
      if (value === undefined || value === "") return;
      where.push(clause);
      args.push(value);
    };
    add("game_id = ?", filter.gameId);
    add("actor_id = ?", filter.actorId);
    add("id < ?", filter.beforeId);
    if (filter.types && filter.types.length > 0) {
      where.push(`type IN (${filter.types.map(() => "?").join(",")})`);
      args.push(...filter.types);
    }
    const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`;
    args.push(Math.min(Math.max(filter.limit ?? 100, 1), 500));
    return (this.db.prepare(sql).all(...args) as Row[]).map(fromRow);
  }

  /** The log's current identity: clients keep it with their last event id to tell a reset from being behind. */
  identity(): LogIdentity {
    return listLogIdentities(this.db).at(-1)!;
  }

  /** Where a stream for a client at `cursor` resumes, given the newest stored id. */
  resumePoint(cursor: EventCursor, newest = this.lastId()): ResumePoint {
    return resolveResume(listLogIdentities(this.db), cursor, newest);
  }

  lastId(): number {
    return (this.db.prepare("SELECT COALESCE(MAX(id), 0) FROM events").pluck().get() as number) ?? 0;
  }

  /** One page of `query`, and the id to continue from with `beforeId` (null on the last page). */
  page(filter: EventQuery & { limit: number }): { events: ArcadeEvent[]; nextBefore: number | null } {
    const events = this.query(filter);
    return { events, nextBefore: events.length === filter.limit ? events.at(-1)!.id : null };
  }

  /** Everyone with an id in the log, under the name of their latest event: the audit's person filter. */
  actors(): Array<{ id: string; name: string }> {
    // SQLite takes the bare columns from the row that holds MAX(id).
    const sql = "SELECT actor_id AS id, actor_name AS name, MAX(id) FROM events WHERE actor_id IS NOT NULL GROUP BY actor_id";
    return (this.db.prepare(sql).all() as Array<{ id: string; name: string }>).map(({ id, name }) => ({ id, name }));
  }

  /**
   * The game's state as its latest event left it, skipping `unknown`: what it was before the portal (or
   * Proxmox) lost sight of it. Null for a game with no history.
   */
  lastRecordedState(gameId: string): string | null {
    const sql = "SELECT state FROM events WHERE game_id = ? AND state IN ('stopped', 'starting', 'ready', 'stopping', 'failed') ORDER BY id DESC LIMIT 1";
    return (this.db.prepare(sql).pluck().get(gameId) as string | undefined) ?? null;
  }

  /**
   * The game's latest event that began or ended a planned shutdown, or an operation that overtook one: a restarted
   * portal finds a shutdown still waiting for its time when that event is `game.shutdown_scheduled`.
   */
  lastShutdownPlan(gameId: string): ArcadeEvent | null {
    const sql = `SELECT * FROM events WHERE game_id = ? AND type IN ('game.shutdown_scheduled', 'game.shutdown_cancelled', 'game.stopping',
      'game.stopped', 'game.stopped_externally', 'game.starting', 'game.rebooting') ORDER BY id DESC LIMIT 1`;
    const row = this.db.prepare(sql).get(gameId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * Durations of the game's most recent cold boots, newest first: the ETA's raw material. A cold boot is a ready
   * that followed our own start task (a vzstart UPID); reboots, adopted CTs and already-running ones would skew it.
   */
  recentBootDurations(gameId: string, limit = 10): number[] {
    return this.db
      .prepare(
        "SELECT duration_ms FROM events WHERE type = 'game.ready' AND game_id = ? AND duration_ms IS NOT NULL AND upid LIKE '%:vzstart:%' ORDER BY id DESC LIMIT ?",
      )
      .pluck()
      .all(gameId, limit) as number[];
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
