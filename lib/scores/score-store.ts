import type { Source } from "../authz";
import type { Db } from "../db/open-database";
import { MAX_MODES_PER_GAME, SCORE_INTERVAL_MS } from "./score-rules";

/** One stored run, with its player's current name and picture. `at` is epoch ms. */
export type StoredScore = {
  id: number;
  gameId: string;
  playerId: string;
  name: string;
  avatarUrl: string | null;
  /** null: the game's default board. */
  mode: string | null;
  score: number;
  at: number;
  source: Source;
};

export type RankedScore = StoredScore & { rank: number };

/** One board (a mode) of a game: each player's best run, ranked; `mine` is the asking player's own best. */
export type Board = { mode: string | null; players: number; top: RankedScore[]; mine: RankedScore | null };

export type NewScore = {
  gameId: string;
  player: { id: string; name: string; avatarUrl: string | null };
  mode: string | null;
  score: number;
  source: Source;
  now: number;
};

export type AddResult =
  | { kind: "added"; score: StoredScore; previousBest: number | null; previousRecord: StoredScore | null }
  | { kind: "too_soon"; retryAfterMs: number; sinceLastMs: number }
  | { kind: "too_many_modes"; modes: number };

export type BoardQuery = { playerId?: string | null; limit?: number; since?: number; until?: number; mode?: string | null };

type Row = { id: number; game_id: string; player_id: string; name: string; avatar_url: string | null; mode: string; score: number; at: number; source: Source };

const fromRow = (r: Row): StoredScore => ({
  id: r.id,
  gameId: r.game_id,
  playerId: r.player_id,
  name: r.name,
  avatarUrl: r.avatar_url,
  mode: r.mode === "" ? null : r.mode,
  score: r.score,
  at: r.at,
  source: r.source,
});

// Ties go to whoever got there first, then to the older row: a rank never depends on the order SQLite reads in.
const ORDER = "score DESC, at ASC, id ASC";

/** The leaderboards in SQLite: every accepted run is kept; a board ranks each player's best. */
export class ScoreStore {
  constructor(private readonly db: Db) {}

  /**
   * Checks the per-player interval and the number of boards, then stores the run, all in one transaction, so two
   * scores sent at once cannot both pass the check. Also returns what the run is judged against. `andThen` runs
   * inside the same transaction (recording the event a record deserves), so the run and its event stand or fall together.
   */
  add(input: NewScore, andThen?: (added: Extract<AddResult, { kind: "added" }>) => void): AddResult {
    const mode = input.mode ?? "";
    return this.db.transaction((): AddResult => {
      const last = this.db.prepare("SELECT MAX(at) FROM scores WHERE player_id = ? AND game_id = ?").pluck().get(input.player.id, input.gameId) as number | null;
      if (last !== null && input.now - last < SCORE_INTERVAL_MS) {
        const sinceLastMs = Math.max(0, input.now - last);
        return { kind: "too_soon", retryAfterMs: SCORE_INTERVAL_MS - sinceLastMs, sinceLastMs };
      }
      const modes = this.modes(input.gameId);
      if (!modes.includes(input.mode) && modes.length >= MAX_MODES_PER_GAME) return { kind: "too_many_modes", modes: modes.length };
      const previousBest = this.db
        .prepare("SELECT MAX(score) FROM scores WHERE game_id = ? AND mode = ? AND player_id = ?")
        .pluck()
        .get(input.gameId, mode, input.player.id) as number | null;
      const previousRecord = this.best(input.gameId, input.mode);
      this.db
        .prepare(
          `INSERT INTO players (id, name, avatar_url, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, avatar_url = excluded.avatar_url, updated_at = excluded.updated_at`,
        )
        .run(input.player.id, input.player.name, input.player.avatarUrl, new Date(input.now).toISOString());
      const id = this.db
        .prepare("INSERT INTO scores (game_id, player_id, mode, score, at, source) VALUES (?, ?, ?, ?, ?, ?)")
        .run(input.gameId, input.player.id, mode, input.score, input.now, input.source).lastInsertRowid;
      const added = { kind: "added" as const, score: this.get(Number(id))!, previousBest, previousRecord };
      andThen?.(added);
      return added;
    })();
  }

  get(id: number): StoredScore | null {
    const row = this.db.prepare("SELECT s.*, p.name, p.avatar_url FROM scores s JOIN players p ON p.id = s.player_id WHERE s.id = ?").get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Removes one run; returns it, or null when there is no such run of that game. */
  delete(gameId: string, id: number): StoredScore | null {
    const row = this.get(id);
    if (!row || row.gameId !== gameId) return null;
    this.db.prepare("DELETE FROM scores WHERE id = ?").run(id);
    return row;
  }

  /** The game's boards that have runs (in the time window, if given): the default board first, then by name. */
  modes(gameId: string, window: { since?: number; until?: number } = {}): Array<string | null> {
    const rows = this.db
      .prepare("SELECT DISTINCT mode FROM scores WHERE game_id = ? AND at >= ? AND at < ? ORDER BY mode LIMIT ?")
      .pluck()
      .all(gameId, window.since ?? 0, window.until ?? Number.MAX_SAFE_INTEGER, MAX_MODES_PER_GAME) as string[];
    return rows.map((m) => (m === "" ? null : m));
  }

  /** The board's best run with more than 0 points: its record, or null. */
  best(gameId: string, mode: string | null): StoredScore | null {
    const row = this.db
      .prepare(`SELECT s.*, p.name, p.avatar_url FROM scores s JOIN players p ON p.id = s.player_id WHERE s.game_id = ? AND s.mode = ? AND s.score > 0 ORDER BY ${ORDER} LIMIT 1`)
      .get(gameId, mode ?? "") as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Each board's record (more than 0 points), default board first: what a game's card shows. */
  records(gameId: string): StoredScore[] {
    return this.modes(gameId).flatMap((mode) => this.best(gameId, mode) ?? []);
  }

  /** One board: the top `limit` players by their best run, and the asking player's own best with its rank. */
  board(gameId: string, mode: string | null, query: BoardQuery = {}): Board {
    const limit = query.limit ?? 10;
    const rows = this.db
      .prepare(
        `WITH best AS (
           SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.player_id ORDER BY ${ORDER}) AS n
           FROM scores s WHERE s.game_id = @game AND s.mode = @mode AND s.at >= @since AND s.at < @until
         ), ranked AS (
           SELECT b.*, ROW_NUMBER() OVER (ORDER BY ${ORDER}) AS rank, COUNT(*) OVER () AS players FROM best b WHERE b.n = 1
         )
         SELECT r.*, p.name, p.avatar_url FROM ranked r JOIN players p ON p.id = r.player_id
         WHERE r.rank <= @limit OR r.player_id = @player ORDER BY r.rank`,
      )
      .all({
        game: gameId,
        mode: mode ?? "",
        since: query.since ?? 0,
        until: query.until ?? Number.MAX_SAFE_INTEGER,
        limit,
        player: query.playerId ?? null,
      }) as Array<Row & { rank: number; players: number }>;
    const ranked = rows.map((r) => ({ ...fromRow(r), rank: r.rank }));
    return {
      mode,
      players: rows[0]?.players ?? 0,
      top: ranked.filter((r) => r.rank <= limit),
      mine: ranked.find((r) => query.playerId && r.playerId === query.playerId) ?? null,
    };
  }

  /** Every board of the game (or the one asked for), in the time window if given. */
  boards(gameId: string, query: BoardQuery = {}): Board[] {
    const modes = query.mode !== undefined ? [query.mode] : this.modes(gameId, query);
    return modes.map((mode) => this.board(gameId, mode, query));
  }
}
