import type { Db } from "./open-database";

/** Per-game settings admins change in the portal; null means "use game.json / the default". */
export type GameSettings = { bootTimeoutSec: number | null; shutdownTimeoutSec: number | null; idleStopMinutes: number | null };

type Row = { game_id: string; boot_timeout_sec: number | null; shutdown_timeout_sec: number | null; idle_stop_minutes: number | null };

export class GameSettingsStore {
  constructor(private readonly db: Db) {}

  get(gameId: string): GameSettings {
    const row = this.db.prepare("SELECT * FROM game_settings WHERE game_id = ?").get(gameId) as Row | undefined;
    return {
      bootTimeoutSec: row?.boot_timeout_sec ?? null,
      shutdownTimeoutSec: row?.shutdown_timeout_sec ?? null,
      idleStopMinutes: row?.idle_stop_minutes ?? null,
    };
  }

  /** Changes the given settings (null = back to the default), keeping the others. */
  set(gameId: string, patch: Partial<GameSettings>, updatedBy: string): void {
    const settings = { ...this.get(gameId), ...patch };
    this.db
      .prepare(
        `INSERT INTO game_settings (game_id, boot_timeout_sec, shutdown_timeout_sec, idle_stop_minutes, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (game_id) DO UPDATE SET boot_timeout_sec = excluded.boot_timeout_sec,
           shutdown_timeout_sec = excluded.shutdown_timeout_sec, idle_stop_minutes = excluded.idle_stop_minutes,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(gameId, settings.bootTimeoutSec, settings.shutdownTimeoutSec, settings.idleStopMinutes, new Date().toISOString(), updatedBy);
  }
}
