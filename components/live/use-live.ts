"use client";

import { useSyncExternalStore } from "react";
import type { GameView } from "@/lib/api/schemas";
import { type FeedStatus, gameStore, type LiveGame } from "./game-store";

/**
 * A game's live view: the store's copy once the stream has delivered one, the server-rendered view before. Both
 * sides of hydration start from the server's view, so the first client render matches the HTML.
 */
export function useLiveGame(initial: GameView): LiveGame {
  const live = useSyncExternalStore(
    gameStore.subscribe,
    () => gameStore.get(initial.id),
    () => undefined,
  );
  return live ?? { view: initial, receivedAt: 0 };
}

export function useFeedStatus(): FeedStatus {
  return useSyncExternalStore(gameStore.subscribe, gameStore.status, () => "connecting");
}
