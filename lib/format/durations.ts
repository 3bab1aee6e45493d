import type { GameView } from "../api/schemas";

/**
 * "4.2 s" under ten seconds, then "42 s", "3 min 5 s", "2 h 5 min". A clock that is still running rounds down
 * (it never shows a second that has not passed); a finished duration rounds to the nearest, as Discord's
 * notification of the same event does, so the audit and the channel give one figure.
 */
export function formatDuration(ms: number, rounding: "down" | "nearest" = "down"): string {
  const round = rounding === "down" ? Math.floor : Math.round;
  const safe = Math.max(0, ms);
  if (round(safe / 100) < 100) return `${(round(safe / 100) / 10).toFixed(1)} s`;
  const totalSec = round(safe / 1000);
  if (totalSec < 60) return `${totalSec} s`;
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min ${totalSec % 60} s`;
}

/** Uptime at the precision a card needs: seconds for the first minute, then minutes, then hours. */
export function formatUptime(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  if (days > 0) return `${days} d ${hours} h`;
  return `${hours} h ${Math.floor((s % 3600) / 60)} min`;
}

function roughly(ms: number): string {
  const sec = Math.max(1, Math.round(ms / 1000));
  return sec < 90 ? `${sec} s` : `${Math.round(sec / 60)} min`;
}

/** "usually ready in ~7 s" from the median of past boots; null until there is one. */
export function formatEta(eta: GameView["eta"]): string | null {
  if (!eta) return null;
  return `usually ready in ~${roughly(eta.medianMs)}`;
}

/**
 * What to expect while a boot runs: time left against the usual (median) boot, then "any moment now", and only
 * past the 90th percentile of recorded boots that it takes longer than usual (half of all boots pass the median).
 */
export function formatRemaining(eta: GameView["eta"], elapsedMs: number): string | null {
  if (!eta) return null;
  const left = eta.medianMs - elapsedMs;
  if (left <= 0) return elapsedMs > (eta.p90Ms ?? eta.medianMs) ? "taking longer than usual" : "any moment now";
  return `about ${roughly(left)} left`;
}

/** Share of the usual boot time already spent, 0..0.95, so the bar never claims done before the game is. */
export function bootProgress(eta: GameView["eta"], elapsedMs: number): number | null {
  if (!eta || eta.medianMs <= 0) return null;
  return Math.min(0.95, Math.max(0, elapsedMs / eta.medianMs));
}

/** Milliseconds since a moment, never negative (the server's clock may run slightly ahead of the browser's). */
export function elapsedSince(startMs: number | null, now: number): number {
  if (startMs === null || Number.isNaN(startMs)) return 0;
  return Math.max(0, now - startMs);
}

/** Time left before an idle game sleeps: "4:05" in the last ten minutes, "12 min" before that. */
export function formatCountdown(ms: number): string {
  const sec = Math.max(0, Math.ceil(ms / 1000));
  if (sec >= 600) return `${Math.ceil(sec / 60)} min`;
  return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, "0")}`;
}

/** A clock shown in a message that is edited about once a second: whole seconds, "42 s", then "3 min 5 s". */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  return seconds < 90 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
