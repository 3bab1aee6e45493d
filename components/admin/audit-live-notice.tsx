"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { gameStore } from "@/components/live/game-store";
import { buttonStyles } from "@/components/ui/styles";

/** Counts events that happened since the timeline was rendered and offers to show them, without jumping the list. */
export function AuditLiveNotice({ newestId, game, actor }: { newestId: number; game: string; actor: string }) {
  const router = useRouter();
  const [fresh, setFresh] = useState(0);

  // The parent keys this by newestId, so a refreshed timeline starts counting from zero.
  useEffect(() => {
    return gameStore.onEvent((event) => {
      if (event.id <= newestId || (game && event.gameId !== game) || (actor && event.actor.id !== actor)) return;
      setFresh((n) => n + 1);
    });
  }, [newestId, game, actor]);

  return (
    <div aria-live="polite" className="min-h-9">
      {fresh > 0 && (
        <button type="button" onClick={() => router.refresh()} className={`${buttonStyles.secondary} px-3 py-1.5`}>
          Show {fresh} new event{fresh === 1 ? "" : "s"}
        </button>
      )}
    </div>
  );
}
