import type { PostedScore, ScoreBoard, ScoreBoards, ScoresPush } from "@/lib/api/score-schemas";
import { fetchScores } from "./score-api";

type Listener = () => void;
type Loader = (gameId: string) => Promise<ScoreBoards | null>;

// The default board first, then by name: the order the API uses.
const byMode = (a: ScoreBoard, b: ScoreBoard) => (a.mode === null ? -1 : b.mode === null ? 1 : a.mode < b.mode ? -1 : a.mode > b.mode ? 1 : 0);

/**
 * The page's copy of each open game's boards: loaded once from the API, then kept current by the stream's
 * `scores` frames and by this player's own posted runs. Plain TypeScript, read through useSyncExternalStore.
 */
export function createScoreStore(load: Loader) {
  const games = new Map<string, ScoreBoards>();
  const listeners = new Set<Listener>();
  const postedListeners = new Set<(gameId: string, posted: PostedScore) => void>();
  const loading = new Map<string, Promise<void>>();
  const notify = () => listeners.forEach((listener) => listener());

  const put = (gameId: string, next: ScoreBoards) => {
    games.set(gameId, next);
    notify();
  };

  function replaceBoard(gameId: string, board: ScoreBoard): void {
    const current = games.get(gameId);
    if (!current) return;
    const others = current.boards.filter((b) => b.mode !== board.mode);
    put(gameId, { ...current, boards: [...others, board].sort(byMode) });
  }

  const store = {
    get: (gameId: string): ScoreBoards | undefined => games.get(gameId),
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onPosted(listener: (gameId: string, posted: PostedScore) => void): () => void {
      postedListeners.add(listener);
      return () => postedListeners.delete(listener);
    },

    /** (Re)loads a game's boards; concurrent calls share one request. */
    reload(gameId: string): Promise<void> {
      const pending = loading.get(gameId);
      if (pending) return pending;
      const request = load(gameId)
        .then((boards) => {
          if (boards) put(gameId, boards);
        })
        .finally(() => loading.delete(gameId));
      loading.set(gameId, request);
      return request;
    },

    /** A `scores` frame: the board's new top and size; the caller's own best moves only when it shows in the top. */
    applyPush(push: ScoresPush): void {
      const current = games.get(push.gameId);
      if (!current) return;
      // A deletion may have taken this player's own best: only the API knows their new one.
      if (push.change === "deleted") return void store.reload(push.gameId);
      const before = current.boards.find((b) => b.mode === push.mode);
      const ownInTop = current.you ? push.top.find((e) => e.player.key === current.you!.key) : undefined;
      replaceBoard(push.gameId, { mode: push.mode, players: push.players, top: push.top, mine: ownInTop ?? before?.mine ?? null });
    },

    /** This page's own run, as the API answered it: exact board, own best and rank. */
    applyPosted(gameId: string, posted: PostedScore): void {
      replaceBoard(gameId, posted.board);
      postedListeners.forEach((listener) => listener(gameId, posted));
    },
  };
  return store;
}

export type ScoreStore = ReturnType<typeof createScoreStore>;

/** The page's one score store, fed by the page's one event stream (components/live/connect-feed.ts). */
export const scoreStore = createScoreStore(async (gameId) => {
  const result = await fetchScores(gameId);
  return result.ok ? result.body : null;
});
