/**
 * Schema changes, applied in order, each once. Never edit a shipped migration: add a new one, because
 * existing databases have already run the old text.
 */
export const migrations: Array<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: "events, pending operations, game settings",
    sql: `
      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        type TEXT NOT NULL,
        game_id TEXT,
        vmid INTEGER,
        node TEXT,
        actor_kind TEXT NOT NULL,
        actor_id TEXT,
        actor_name TEXT NOT NULL,
        source TEXT NOT NULL,
        upid TEXT,
        result TEXT,
        duration_ms INTEGER,
        state TEXT,
        reason TEXT,
        message TEXT NOT NULL
      );
      CREATE INDEX events_by_game ON events (game_id, id);
      CREATE INDEX events_by_actor ON events (actor_id, id);
      CREATE INDEX events_by_type ON events (type, game_id, id);

      CREATE TABLE pending_ops (
        vmid INTEGER PRIMARY KEY,
        node TEXT NOT NULL,
        action TEXT NOT NULL,
        upid TEXT,
        game_ids TEXT NOT NULL,
        actor TEXT NOT NULL,
        source TEXT NOT NULL,
        started_at INTEGER NOT NULL
      );

      CREATE TABLE game_settings (
        game_id TEXT PRIMARY KEY,
        boot_timeout_sec INTEGER,
        shutdown_timeout_sec INTEGER,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "idle auto-stop minutes per game",
    sql: "ALTER TABLE game_settings ADD COLUMN idle_stop_minutes INTEGER",
  },
  {
    version: 3,
    name: "event log identity",
    // Each row names one life of the event log; a restore adds a row, so clients can tell "reset" from "behind".
    // The first identity owns every event already stored.
    sql: `
      CREATE TABLE event_logs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        starts_after INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      INSERT INTO event_logs (id, starts_after, created_at, reason)
        VALUES (lower(hex(randomblob(6))), 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'created');
    `,
  },
  {
    version: 4,
    name: "scores, players, time to playable, event details",
    sql: `
      CREATE TABLE players (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        avatar_url TEXT,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE scores (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        game_id TEXT NOT NULL,
        player_id TEXT NOT NULL REFERENCES players (id),
        mode TEXT NOT NULL DEFAULT '',
        score INTEGER NOT NULL CHECK (score >= 0),
        at INTEGER NOT NULL,
        source TEXT NOT NULL
      );
      CREATE INDEX scores_board ON scores (game_id, mode, player_id, score DESC, at, id);
      CREATE INDEX scores_by_player ON scores (player_id, game_id, at);
      CREATE INDEX scores_by_time ON scores (game_id, at);

      CREATE TABLE playable_times (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        game_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        ms INTEGER NOT NULL,
        cold INTEGER NOT NULL
      );
      CREATE INDEX playable_by_game ON playable_times (game_id, cold, id);

      ALTER TABLE events ADD COLUMN detail TEXT;
    `,
  },
];
