"use client";

import { useState } from "react";
import type { GameView } from "@/lib/api/schemas";
import { formatCountdown } from "@/lib/format/durations";
import { useNow } from "@/components/live/use-now";
import { shutdownNotice } from "./play-words";

const clock = (
  <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" className="shrink-0">
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 4.5V8l2.5 1.5" />
  </svg>
);

/**
 * The countdown over a game whose shutdown an admin planned: who, and how long is left to finish the run. Shown
 * above the frame on a desktop and beside the floating buttons on a phone; the visible timer ticks silently.
 */
export function ShutdownBanner({ view, placement }: { view: GameView; placement: "bar" | "floating" }) {
  const now = useNow(250);
  const notice = now === null ? null : shutdownNotice(view, now);
  if (!notice) return null;
  return (
    <div
      data-testid="shutdown-banner"
      className={`pointer-events-none flex min-w-0 items-center gap-2 rounded-xl bg-amber-400/15 px-3 py-1.5 text-sm text-amber-100 ring-1 ring-amber-400/50 backdrop-blur ${placement === "bar" ? "mx-auto mb-2 w-fit max-w-full compact:hidden" : "bg-zinc-950/80"}`}
    >
      {clock}
      <span className="min-w-0 truncate">
        {view.name} shuts down in{" "}
        <span role="timer" className="font-mono font-semibold tabular-nums">
          {formatCountdown(notice.leftMs)}
        </span>
        {placement === "bar" && <span> · {notice.by} is shutting it down; finish your run</span>}
      </span>
    </div>
  );
}

/**
 * Reads a planned shutdown out once when it appears, wherever the banner is shown (a ticking live region would
 * talk every second, and one of the two banners is always hidden).
 */
export function ShutdownAnnouncer({ view }: { view: GameView }) {
  const now = useNow(1000);
  const notice = now === null ? null : shutdownNotice(view, now);
  const planAt = view.scheduledShutdown?.at ?? null;
  const [spoken, setSpoken] = useState<{ at: string; text: string } | null>(null);
  if (notice && planAt && spoken?.at !== planAt) {
    setSpoken({ at: planAt, text: `${view.name} shuts down in ${Math.round(notice.leftMs / 1000)} seconds. ${notice.by} is shutting it down.` });
  }
  return (
    <p aria-live="polite" className="sr-only">
      {notice ? spoken?.text : ""}
    </p>
  );
}
