"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { describeState } from "@/lib/format/game-state";
import { signInPath } from "@/lib/auth/redirect-target";
import { connectFeed } from "./connect-feed";
import { gameStore } from "./game-store";
import { useFeedStatus } from "./use-live";

const statusText = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline, retrying" } as const;
const dotClass = { connecting: "bg-zinc-400", live: "bg-emerald-400", reconnecting: "bg-amber-400", offline: "bg-rose-500" } as const;

/**
 * Opens the page's one event stream and shows how live the page is. State changes of any game are read out by
 * screen readers through a polite live region, whoever caused them.
 */
export function LiveFeed() {
  const router = useRouter();
  const status = useFeedStatus();
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const disconnect = connectFeed(gameStore, {
      onSignedOut: () => router.replace(signInPath(window.location.pathname)),
    });
    const unwatch = gameStore.onTransition(({ after }) => setAnnouncement(`${after.name}: ${describeState(after.state).label}.`));
    return () => {
      unwatch();
      disconnect();
    };
  }, [router]);

  return (
    <>
      <span
        role="status"
        data-feed={status}
        title="Game states update by themselves while this says Live"
        className="inline-flex items-center gap-1.5 rounded-full bg-white/5 px-2 py-1 text-xs text-zinc-300 ring-1 ring-white/10 sm:px-2.5"
      >
        <span aria-hidden="true" className={`size-2 rounded-full ${dotClass[status]}`} />
        <span className="sr-only sm:not-sr-only">{statusText[status]}</span>
      </span>
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
