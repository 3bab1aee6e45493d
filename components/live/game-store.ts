import type { ArcadeEventView, GameView } from "@/lib/api/schemas";

/** How fresh the page's picture is: the stream is open, being re-opened, or given up on for now. */
export type FeedStatus = "connecting" | "live" | "reconnecting" | "offline";

export type LiveGame = { view: GameView; receivedAt: number };
export type Transition = { before: GameView | null; after: GameView };

type Listener = () => void;

/**
 * The browser's copy of every game's view, fed by the event stream and by Play responses. Plain TypeScript so
 * React components read it through useSyncExternalStore and tests drive it directly.
 */
export function createGameStore(clock: () => number = Date.now) {
  const games = new Map<string, LiveGame>();
  const listeners = new Set<Listener>();
  const transitionListeners = new Set<(t: Transition) => void>();
  const eventListeners = new Set<(e: ArcadeEventView) => void>();
  let status: FeedStatus = "connecting";
  let lastEventId: number | null = null;
  let logId: string | null = null;

  const notify = () => listeners.forEach((listener) => listener());

  function put(view: GameView): void {
    const before = games.get(view.id)?.view ?? null;
    games.set(view.id, { view, receivedAt: clock() });
    if (before && before.state !== view.state) transitionListeners.forEach((listener) => listener({ before, after: view }));
  }

  return {
    get: (id: string): LiveGame | undefined => games.get(id),
    all: (): LiveGame[] => [...games.values()],
    status: (): FeedStatus => status,
    lastEventId: (): number | null => lastEventId,
    /** What to resume from (Last-Event-ID): `<log id>:<event id>`, or the bare id from a portal without log ids. */
    cursor: (): string | null => (lastEventId === null ? null : logId === null ? String(lastEventId) : `${logId}:${lastEventId}`),

    /**
     * A full picture after (re)connecting: games no longer in the catalogue disappear. With the log's id, `eventId`
     * is where the portal resumes this stream, taken as is: after a reset of its log that is below our last id.
     */
    applySnapshot(views: GameView[], eventId: number, log?: string): void {
      const ids = new Set(views.map((v) => v.id));
      for (const id of games.keys()) if (!ids.has(id)) games.delete(id);
      views.forEach(put);
      lastEventId = log === undefined ? Math.max(lastEventId ?? 0, eventId) : eventId;
      logId = log ?? logId;
      status = "live";
      notify();
    },
    applyStatus(view: GameView): void {
      put(view);
      notify();
    },
    applyEvent(event: ArcadeEventView): void {
      lastEventId = Math.max(lastEventId ?? 0, event.id);
      eventListeners.forEach((listener) => listener(event));
    },
    setStatus(next: FeedStatus): void {
      if (status === next) return;
      status = next;
      notify();
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onTransition(listener: (t: Transition) => void): () => void {
      transitionListeners.add(listener);
      return () => transitionListeners.delete(listener);
    },
    onEvent(listener: (e: ArcadeEventView) => void): () => void {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
  };
}

export type GameStore = ReturnType<typeof createGameStore>;

/** The page's one store: every card, the Play screen and the admin rows read from it. */
export const gameStore = createGameStore();
