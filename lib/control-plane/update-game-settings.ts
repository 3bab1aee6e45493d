import type { Caller } from "../api/authenticate-bearer";
import { toActorRef } from "../authz";
import { getGameOrThrow } from "../games";
import type { GameSettings } from "../db";
import type { ControlPlane } from "./create-control-plane";

/** Stores an admin's change to a game's settings and records who made it. */
export function updateGameSettings(
  cp: ControlPlane,
  gameId: string,
  patch: Partial<GameSettings>,
  caller: Caller,
): void {
  const game = getGameOrThrow(cp.catalogue, gameId);
  const current = cp.lifecycle.settings.get(game.id);
  const next: GameSettings = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  const actor = toActorRef(caller.actor);
  cp.lifecycle.settings.set(game.id, next, actor.name);
  const changes = [
    next.bootTimeoutSec !== current.bootTimeoutSec ? `boot timeout ${next.bootTimeoutSec ?? "default"} s` : null,
    next.shutdownTimeoutSec !== current.shutdownTimeoutSec ? `shutdown timeout ${next.shutdownTimeoutSec ?? "default"} s` : null,
    next.idleStopMinutes !== current.idleStopMinutes ? `idle auto-stop ${next.idleStopMinutes === null ? "default" : next.idleStopMinutes === 0 ? "off" : `${next.idleStopMinutes} min`}` : null,
  ].filter(Boolean);
  if (changes.length === 0) return;
  cp.events.append({ type: "game.settings_changed", gameId: game.id, gameName: game.name, vmid: game.vmid, actor, source: caller.source, result: "ok", reason: changes.join(", ") });
  // Views carry the effective timeouts: push the new one to open pages.
  cp.hub.refresh(game.id);
  // A shorter idle time may already have passed: the game goes to sleep now, as the settings form said it would,
  // not at the next housekeeping round.
  if (next.idleStopMinutes !== current.idleStopMinutes) cp.lifecycle.stopIdleGames(cp.presence, cp.env.idleStopMinutes);
}
