import type { GameView } from "@/lib/api/schemas";
import { formatCountdown, formatEta } from "@/lib/format/durations";
import { stateHint } from "@/lib/format/game-state";
import { wentToSleep } from "@/components/play/play-words";

type View = Pick<GameView, "state" | "reason" | "by" | "operation" | "scheduledShutdown" | "multiplayer" | "playerCount" | "eta">;

/**
 * The card's Play words. Everyone runs their own copy of a game, so "Join" is only for a game that is one shared
 * world (game.json "multiplayer": true) with someone in it or on the way.
 */
export function playLabel(view: View): "Play now" | "Play" | "Join" {
  if (view.multiplayer && (view.state === "starting" || (view.state === "ready" && view.playerCount > 0))) return "Join";
  return view.state === "ready" ? "Play now" : "Play";
}

/** The usual boot time, shown only where pressing Play would boot the game (not while it stops or restarts). */
export function cardEta(view: View): string | null {
  const boots = view.state === "stopped" || view.state === "failed" || (view.state === "starting" && view.operation !== "reboot");
  return boots ? formatEta(view.eta) : null;
}

/** The line under the badge: a planned shutdown, a restart, idle sleep, or the state's usual hint. */
export function cardLine(view: View, now: number | null): string | null {
  if (view.state === "ready" && view.scheduledShutdown && now !== null) {
    return `Shuts down in ${formatCountdown(Date.parse(view.scheduledShutdown.at) - now)} (${view.scheduledShutdown.by.name}).`;
  }
  if (view.state === "starting" && view.operation === "reboot") return view.by ? `Restarting: ${view.by.name} rebooted it.` : "Restarting.";
  if (wentToSleep(view)) return view.state === "stopping" ? `Going to sleep: ${view.reason}.` : `Asleep since ${view.reason}; Play wakes it up.`;
  return stateHint(view);
}
