import type { GameView } from "@/lib/api/schemas";
import { callApi } from "@/components/live/api-call";
import type { GameStore } from "@/components/live/game-store";

export type PlayResult = { ok: true; view: GameView } | { ok: false; status: number; message: string };

type Entry = { promise: Promise<PlayResult>; sentAt: number; settledAt: number | null };
const requests = new Map<string, Entry>();

// The card's click starts the request and the Play screen, mounted a moment later, picks up its answer
// instead of sending a second one. Old answers are not reused: a later visit asks again.
const REUSE_MS = 5_000;

async function send(id: string, store: GameStore): Promise<PlayResult> {
  const sentAt = Date.now();
  const result = await callApi<GameView>(`/api/v1/games/${encodeURIComponent(id)}/play`, { method: "POST" });
  if (!result.ok) return result;
  // The stream may already have delivered something newer than this answer; then it wins.
  if ((store.get(id)?.receivedAt ?? 0) < sentAt) store.applyStatus(result.body);
  return { ok: true, view: result.body };
}

/** POST /play for a game (ensure ready), sharing one request between the card's click and the Play screen. */
export function requestPlay(id: string, store: GameStore, now = Date.now()): Promise<PlayResult> {
  const entry = requests.get(id);
  if (entry && (entry.settledAt === null || now - entry.settledAt < REUSE_MS)) return entry.promise;
  const fresh: Entry = { promise: send(id, store), sentAt: now, settledAt: null };
  fresh.promise.then(() => (fresh.settledAt = Date.now()));
  requests.set(id, fresh);
  return fresh.promise;
}

/** A request the card's click started a moment ago, if there is one. */
export function recentPlay(id: string, now = Date.now()): Promise<PlayResult> | null {
  const entry = requests.get(id);
  if (!entry || (entry.settledAt !== null && now - entry.settledAt >= REUSE_MS)) return null;
  return entry.promise;
}

/** When this browser last asked for the game: the Play screen's clock until the server's own start time arrives. */
export function playSentAt(id: string): number | null {
  return requests.get(id)?.sentAt ?? null;
}

/** Forgets the last request, so Retry really asks again. */
export function forgetPlay(id: string): void {
  requests.delete(id);
}

// The Play screen's own server render shares the portal's one thread with the start request; sent alone first,
// the start reaches Proxmox tens of milliseconds sooner (bench/time-to-play). The screen follows as soon as the
// start is answered, and after this long at the latest, so a slow answer never holds up the click.
const OPEN_AFTER_MS = 150;

/** The card's Play: asks for the game, then opens its Play screen once the portal has the request. */
export function requestPlayThenOpen(id: string, store: GameStore, open: () => void): void {
  let opened = false;
  const openOnce = () => {
    if (opened) return;
    opened = true;
    open();
  };
  void requestPlay(id, store).then(openOnce);
  setTimeout(openOnce, OPEN_AFTER_MS);
}
