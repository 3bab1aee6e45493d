"use client";

import { useEffect } from "react";

// docs/api.md: the play page beats every 30 s while visible; the portal forgets a player after 75 s without one.
const BEAT_MS = 30_000;

/**
 * Tells the portal this player has the game open, so the card shows them and the idle auto-stop leaves the CT
 * running. A hidden tab stops beating (nobody is playing there); closing the page says goodbye at once.
 */
export function usePresence(gameId: string): void {
  useEffect(() => {
    const url = `/api/v1/games/${encodeURIComponent(gameId)}/presence`;
    const send = (method: "POST" | "DELETE") => void fetch(url, { method, keepalive: true, cache: "no-store" }).catch(() => undefined);
    const beat = () => document.visibilityState === "visible" && send("POST");
    const leave = () => send("DELETE");
    beat();
    const timer = setInterval(beat, BEAT_MS);
    document.addEventListener("visibilitychange", beat);
    window.addEventListener("pageshow", beat);
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", beat);
      window.removeEventListener("pageshow", beat);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [gameId]);
}
