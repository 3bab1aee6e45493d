"use client";

import { useState } from "react";
import type { GameView } from "@/lib/api/schemas";
import { formatCountdown } from "@/components/format/durations";
import { useNow } from "@/components/live/use-now";
import { shutdownNotice } from "./play-words";

/**
 * The countdown over a game whose shutdown an admin planned: who, and how long is left to finish the run. Read
 * out once when it appears (a ticking live region would talk every second); the visible timer ticks silently.
 */
export function ShutdownBanner({ view }: { view: GameView }) {
  const now = useNow(250);
  const notice = now === null ? null : shutdownNotice(view, now);
  const planAt = view.scheduledShutdown?.at ?? null;
  // The sentence for screen readers is fixed when a plan appears, so a re-render does not re-announce it.
  const [spoken, setSpoken] = useState<{ at: string; text: string } | null>(null);
  if (notice && planAt && spoken?.at !== planAt) {
    setSpoken({ at: planAt, text: `${view.name} shuts down in ${Math.round(notice.leftMs / 1000)} seconds. ${notice.by} is shutting it down.` });
  }
  return (
    <>
      <p aria-live="polite" className="sr-only">
        {notice ? spoken?.text : ""}
      </p>
      {notice && (
        <div
          data-testid="shutdown-banner"
          className="pointer-events-none z-10 mx-auto mb-2 flex w-fit max-w-full items-center gap-2 rounded-xl bg-amber-400/15 px-3 py-1.5 text-sm text-amber-100 ring-1 ring-amber-400/50 backdrop-blur compact:absolute compact:inset-x-16 compact:top-[calc(env(safe-area-inset-top)+0.5rem)] compact:bg-zinc-950/80"
        >
          <span aria-hidden="true">⏻</span>
          <span>
            {view.name} shuts down in{" "}
            <span role="timer" className="font-mono font-semibold tabular-nums">
              {formatCountdown(notice.leftMs)}
            </span>
            <span className="max-sm:hidden"> · {notice.by} is shutting it down; finish your run</span>
          </span>
        </div>
      )}
    </>
  );
}
