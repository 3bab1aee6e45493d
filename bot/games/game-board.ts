import type { GameView } from "@/lib/api/schemas";

export type GameBoard = {
  /** A snapshot from the stream: every game at once. */
  replace(views: GameView[]): void;
  /** One game's status changed. */
  update(view: GameView): void;
  get(id: string): GameView | undefined;
  list(): GameView[];
  /** True while the event stream is connected, so the board is current. */
  isLive(): boolean;
  setLive(live: boolean): void;
  /** Called with each game that changed; returns the unsubscribe function. */
  subscribe(listener: (view: GameView) => void): () => void;
};

/** The bot's picture of every game, kept current by the portal's event stream (catalogue order preserved). */
export function createGameBoard(): GameBoard {
  const views = new Map<string, GameView>();
  const listeners = new Set<(view: GameView) => void>();
  let live = false;
  const notify = (view: GameView) => {
    for (const listener of listeners) {
      try {
        listener(view);
      } catch (error) {
        console.error("[bot] a game board listener failed", error);
      }
    }
  };
  return {
    replace(next) {
      views.clear();
      for (const view of next) views.set(view.id, view);
      next.forEach(notify);
    },
    update(view) {
      views.set(view.id, view);
      notify(view);
    },
    get: (id) => views.get(id),
    list: () => [...views.values()],
    isLive: () => live,
    setLive(value) {
      live = value;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
