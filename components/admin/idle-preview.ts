import type { GameView } from "@/lib/api/schemas";

type Live = Pick<GameView, "name" | "state" | "idleStopAt" | "idleStopMinutes" | "playerCount">;

// Whole minutes, as the setting counts (seconds only under a minute): "12 min", "40 s".
function minutesOf(ms: number, round: (n: number) => number): string {
  return ms < 60_000 ? `${round(ms / 1000)} s` : `${round(ms / 60_000)} min`;
}

/**
 * What a new idle setting would do to a game that is up right now, said before it is saved: when it would go to
 * sleep, or that it goes to sleep as soon as the setting is saved because nobody has played for longer already.
 * Null when the setting does not change or the game is not up.
 */
export function idleSleepPreview(view: Live, minutes: number, now: number): string | null {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes === view.idleStopMinutes || view.state !== "ready") return null;
  if (minutes === 0) return `${view.name} will not go to sleep by itself.`;
  if (view.playerCount > 0) return `Someone is playing ${view.name}: it goes to sleep ${minutes} min after the last player leaves.`;
  // The deadline the portal computed for the current setting tells when the game was last played (or came up).
  if (view.idleStopAt === null) return `${view.name} goes to sleep after ${minutes} min without players.`;
  const lastActivity = Date.parse(view.idleStopAt) - view.idleStopMinutes * 60_000;
  const sleepsAt = lastActivity + minutes * 60_000;
  if (sleepsAt <= now) return `Nobody has played ${view.name} for ${minutesOf(now - lastActivity, Math.floor)}: with ${minutes} min it goes to sleep as soon as you save.`;
  return `${view.name} would go to sleep in ${minutesOf(sleepsAt - now, Math.ceil)} if nobody plays.`;
}
