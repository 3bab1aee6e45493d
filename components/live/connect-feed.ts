import type { ArcadeSnapshot } from "@/lib/api/client-events";
import type { ArcadeEventView, GameView } from "@/lib/api/schemas";
import type { ScoresPush } from "@/lib/api/score-schemas";
import { scoreStore } from "@/components/scores/score-store";
import type { GameStore } from "./game-store";

export type FeedOptions = {
  url?: string;
  /** Called when the stream is refused because the session is gone (signed out, or removed from the server). */
  onSignedOut?: () => void;
  makeSource?: (url: string) => EventSource;
  checkSession?: () => Promise<boolean>;
};

const MAX_BACKOFF_MS = 30_000;

async function sessionIsValid(): Promise<boolean> {
  try {
    const response = await fetch("/api/v1/games", { cache: "no-store" });
    return response.status !== 401;
  } catch {
    return true;
  }
}

/**
 * Keeps the store fed from GET /api/v1/events. EventSource reconnects by itself after a dropped connection (and
 * resumes with Last-Event-ID); when the server refuses the stream outright it stays closed, so this re-opens it
 * with a back-off and the last event id, or hands over to sign-in when the session has ended.
 */
export function connectFeed(store: GameStore, options: FeedOptions = {}): () => void {
  const base = options.url ?? "/api/v1/events";
  const makeSource = options.makeSource ?? ((url: string) => new EventSource(url));
  const checkSession = options.checkSession ?? sessionIsValid;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const open = () => {
    const last = store.cursor();
    source = makeSource(last === null ? base : `${base}?lastEventId=${encodeURIComponent(last)}`);
    source.addEventListener("snapshot", (e) => {
      failures = 0;
      const data = JSON.parse((e as MessageEvent<string>).data) as ArcadeSnapshot;
      store.applySnapshot(data.games, data.resumeAfter ?? data.lastEventId, data.logId);
    });
    source.addEventListener("status", (e) => store.applyStatus(JSON.parse((e as MessageEvent<string>).data) as GameView));
    // Members get stored events reduced to id, time, type and game (enough to resume); only the admin page's
    // listeners read the rest, and admins get it whole.
    source.addEventListener("arcade", (e) => store.applyEvent(JSON.parse((e as MessageEvent<string>).data) as ArcadeEventView));
    // A leaderboard changed (the same for every viewer): the open Play screen's board follows.
    source.addEventListener("scores", (e) => scoreStore.applyPush(JSON.parse((e as MessageEvent<string>).data) as ScoresPush));
    source.onerror = () => {
      if (stopped || !source) return;
      if (source.readyState !== 2) {
        store.setStatus("reconnecting");
        return;
      }
      source.close();
      store.setStatus("offline");
      failures += 1;
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 5));
      timer = setTimeout(async () => {
        if (stopped) return;
        if (!(await checkSession())) {
          options.onSignedOut?.();
          return;
        }
        store.setStatus("reconnecting");
        open();
      }, delay);
    };
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
