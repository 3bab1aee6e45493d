import type { GameView } from "@/lib/api/schemas";
import { IDLE_REASON } from "@/lib/api/idle-reason";

type Words = { title: string; reason: string; retryLabel: string };

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The idle auto-stop put it to sleep (its reason is on the view for everyone: "nobody played for 30 min"). */
export function wentToSleep(view: Pick<GameView, "state" | "reason" | "by">): boolean {
  return (view.state === "stopping" || view.state === "stopped") && view.by?.kind === "system" && IDLE_REASON.test(view.reason ?? "");
}

/** Why the game the player had open is gone, in their words: idle sleep, an admin's shutdown or force stop. */
export function stoppedWords(view: Pick<GameView, "name" | "state" | "reason" | "by" | "operation">): Words {
  const going = view.state === "stopping";
  if (wentToSleep(view)) {
    return { title: `${view.name} ${going ? "is going" : "went"} to sleep`, reason: `${capitalised(view.reason!)}, so its server went to sleep.`, retryLabel: "Wake it again" };
  }
  const forced = view.operation === "stop";
  const verb = forced ? (going ? "is being stopped" : "was stopped") : going ? "is shutting down" : "was shut down";
  const who = view.by && view.by.kind !== "system" ? `${view.by.name} ${forced ? "stopped" : "shut"} it${forced ? "" : " down"}.` : "Its server is no longer running.";
  return { title: `${view.name} ${verb}`, reason: who, retryLabel: "Play again" };
}

export type BootWords = { eyebrow: string; title: string; note: string | null };

/** The boot screen's headline: a reboot is a restart the player comes back from, not a cold start. */
export function bootWords(view: Pick<GameView, "name" | "state" | "operation" | "by">): BootWords {
  if (view.state === "starting" && view.operation === "reboot") {
    const who = view.by && view.by.kind !== "system" ? `${view.by.name} is restarting it` : "It is restarting";
    return { eyebrow: "Restarting the server", title: `Restarting ${view.name}`, note: `${who}; you go back to the game as soon as it answers.` };
  }
  return { eyebrow: "Waking the server", title: `Starting ${view.name}`, note: null };
}

/** The banner over a game whose shutdown is planned: who, and how long is left. */
export function shutdownNotice(view: Pick<GameView, "name" | "scheduledShutdown">, now: number): { leftMs: number; by: string } | null {
  const plan = view.scheduledShutdown;
  if (!plan) return null;
  return { leftMs: Math.max(0, Date.parse(plan.at) - now), by: plan.by.kind === "system" ? "The arcade" : plan.by.name };
}
