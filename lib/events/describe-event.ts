import type { Source } from "../authz";
import { formatScore, modeSuffix } from "../format/score";
import type { NewEvent } from "./types";

const fromWhere: Record<Source, string> = {
  web: "from the web",
  discord: "from Discord",
  api: "through the API",
  auto: "automatically",
};

/**
 * The sentence stored with an event; what the audit page and notifications show. Durations stay out of it: they
 * travel as `durationMs` and each face formats them once, so a sentence never disagrees with the figure beside it.
 */
export function describeEvent(event: NewEvent): string {
  const game = event.gameName ?? event.gameId ?? "a game";
  const who = event.actor.name;
  const reason = event.reason ? `: ${event.reason}` : "";
  switch (event.type) {
    case "game.starting":
      return `${who} started ${game} ${fromWhere[event.source]}`;
    case "game.ready":
      return `${game} is ready`;
    case "game.failed":
      if (event.action === "shutdown" || event.action === "stop") {
        return `${game} could not be ${event.action === "stop" ? "stopped" : "shut down"}${reason}`;
      }
      return `${game} failed to ${event.action === "reboot" ? "reboot" : "start"}${reason}`;
    case "game.stopping":
      if (event.source === "auto" && event.reason) return `${game} is going to sleep: ${event.reason}`;
      return event.action === "stop"
        ? `${who} force-stopped ${game} ${fromWhere[event.source]}`
        : `${who} is shutting down ${game} ${fromWhere[event.source]}`;
    case "game.stopped":
      return `${game} stopped${event.reason ? ` (${event.reason})` : ""}`;
    case "game.rebooting":
      return `${who} is rebooting ${game} ${fromWhere[event.source]}`;
    case "game.started_externally":
      return `${game} was started outside the arcade${event.reason ? ` ${event.reason}` : ""}`;
    case "game.stopped_externally":
      return `${game} was stopped outside the arcade${event.reason ? ` ${event.reason}` : ""}`;
    case "game.unknown":
      return `${game} cannot be seen right now${reason}`;
    case "game.shutdown_scheduled":
      return `${who} is shutting down ${game} in ${Math.round((event.durationMs ?? 0) / 1000)} s ${fromWhere[event.source]}; the players see a countdown`;
    case "game.shutdown_cancelled":
      return event.actor.kind === "system"
        ? `The planned shutdown of ${game} was dropped${reason}`
        : `${who} cancelled the planned shutdown of ${game} ${fromWhere[event.source]}`;
    case "game.settings_changed":
      return `${who} changed the settings of ${game}${reason}`;
    case "score.record": {
      const board = `${game}${modeSuffix(event.detail?.mode ?? null)}`;
      const score = formatScore(event.detail?.score ?? 0);
      const previous = event.detail?.previous;
      if (!previous) return `${who} set the first ${board} record: ${score}`;
      return `${who} set a new ${board} record: ${score} — beat ${previous.samePlayer ? "their own" : `${previous.name}'s`} ${formatScore(previous.score)}`;
    }
    case "score.deleted":
      return `${who} deleted ${event.detail?.player.name ?? "someone"}'s ${game}${modeSuffix(event.detail?.mode ?? null)} score of ${formatScore(event.detail?.score ?? 0)}`;
    case "proxmox.unreachable":
      return `Proxmox is unreachable${reason}`;
    case "proxmox.reachable":
      return "Proxmox is reachable again";
  }
}
