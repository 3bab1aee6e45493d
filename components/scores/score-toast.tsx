"use client";

import { useEffect, useState } from "react";
import { formatScore, modeSuffix } from "./score-format";
import { scoreStore } from "./score-store";

const SHOWN_MS = 4_000;

/** A small note when this player's run is a personal best, or a game record; it goes away by itself. */
export function ScoreToast({ gameId, gameName }: { gameId: string; gameName: string }) {
  const [text, setText] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = scoreStore.onPosted((postedGameId, posted) => {
      if (postedGameId !== gameId || !posted.personalBest) return;
      const points = formatScore(posted.score.score);
      const board = `${gameName}${modeSuffix(posted.score.mode)}`;
      setText(posted.record ? `🏆 New ${board} record: ${points}!` : posted.previousBest === null ? `First ${board} score: ${points}` : `New personal best: ${points}`);
      clearTimeout(timer);
      timer = setTimeout(() => setText(null), SHOWN_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [gameId, gameName]);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-20 flex justify-center px-4">
      {text && (
        <p data-testid="score-toast" className="rounded-full bg-amber-400 px-4 py-2 text-sm font-bold text-zinc-950 shadow-lg shadow-amber-400/30">
          {text}
        </p>
      )}
    </div>
  );
}
