import type { Source } from "../authz";
import type { NewEvent } from "./types";

const fromWhere: Record<Source, string> = {
  web: "from the web",
  discord: "from Discord",
  api: "through the API",
  auto: "automatically",
};

function seconds(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? "" : ` (took ${(ms / 1000).toFixed(1)} s)`;
}

/** The sentence stored with an event; what the audit page and notifications show. */
export function describeEvent(event: NewEvent): string {
  const game = event.gameName ?? event.gameId ?? "a game";
  const who = event.actor.name;
  const reason = event.reason ? `: ${event.reason}` : "";
  switch (event.type) {
    case "game.starting":
      return `${who} started ${game} ${fromWhere[event.source]}`;
    case "game.ready":
      return `${game} is ready${seconds(event.durationMs)}`;
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
      return `${game} stopped${event.reason ? ` (${event.reason})` : ""}${seconds(event.durationMs)}`;
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
    case "proxmox.unreachable":
      return `Proxmox is unreachable${reason}`;
    case "proxmox.reachable":
      return "Proxmox is reachable again";
  }
}
