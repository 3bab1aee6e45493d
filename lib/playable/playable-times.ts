import { estimateBoot } from "../api/game-view";
import type { Db } from "../db/open-database";

/** A press of Play that ends in the game's `ready` later than this was abandoned, not measured. */
export const MAX_PLAYABLE_MS = 15 * 60_000;

type Median = { medianMs: number; samples: number } | null;

/** Play → ready, split by whether the container had to boot for it (cold) or the game was up already (warm). */
export type PlayableSummary = { cold: Median; warm: Median };

/** Time to playable as browsers measured it: from pressing Play to the game's own `ready` message. */
export class PlayableTimes {
  constructor(private readonly db: Db) {}

  add(gameId: string, ms: number, cold: boolean, now = Date.now()): void {
    this.db.prepare("INSERT INTO playable_times (game_id, at, ms, cold) VALUES (?, ?, ?, ?)").run(gameId, now, Math.round(ms), cold ? 1 : 0);
  }

  /** Medians of the game's latest `limit` cold and warm samples. */
  summary(gameId: string, limit = 10): PlayableSummary {
    const recent = (cold: boolean) =>
      this.db.prepare("SELECT ms FROM playable_times WHERE game_id = ? AND cold = ? ORDER BY id DESC LIMIT ?").pluck().all(gameId, cold ? 1 : 0, limit) as number[];
    return { cold: estimateBoot(recent(true)), warm: estimateBoot(recent(false)) };
  }
}
