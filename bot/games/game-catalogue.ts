import type { ArcadeClient } from "@/lib/api/client";
import type { GameView } from "@/lib/api/schemas";
import type { GameBoard } from "./game-board";

export type GameCatalogue = {
  /** Every game: from the live board, or fetched (and cached for a while) when the stream is down. */
  list(options?: { timeoutMs?: number }): Promise<GameView[]>;
};

/**
 * Where commands and autocomplete look games up. Autocomplete must answer within 3 s and cannot be deferred,
 * so it reads the board the event stream keeps current and only falls back to a cached API call.
 */
export function createGameCatalogue(board: GameBoard, arcade: Pick<ArcadeClient, "listGames">, ttlMs = 30_000): GameCatalogue {
  let cached: { at: number; views: GameView[] } | null = null;
  let inflight: Promise<GameView[]> | null = null;

  const fetchFresh = () => {
    inflight ??= arcade
      .listGames()
      .then((views) => {
        cached = { at: Date.now(), views };
        return views;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };

  return {
    async list(options = {}) {
      if (board.isLive() && board.list().length > 0) return board.list();
      if (cached && Date.now() - cached.at < ttlMs) return cached.views;
      const pending = fetchFresh();
      if (options.timeoutMs === undefined) return pending;
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the portal did not answer in time")), options.timeoutMs).unref?.());
      return Promise.race([pending, timeout]);
    },
  };
}
