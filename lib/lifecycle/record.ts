import type { ActorRef, Source } from "../authz";
import type { EventType } from "../events";
import type { Game } from "../games";
import type { GameStatus } from "../status/types";
import type { LifecycleContext } from "./context";

type Details = {
  actor: ActorRef;
  source: Source;
  upid?: string | null;
  result?: "ok" | "error" | null;
  durationMs?: number | null;
  reason?: string | null;
  action?: "shutdown" | "stop" | "reboot";
};

/** Moves one game to a new status and, when `type` is given, appends the matching event. */
export function transition(
  ctx: LifecycleContext,
  game: Game,
  patch: Partial<Omit<GameStatus, "gameId" | "vmid">>,
  type?: EventType,
  details?: Details,
): void {
  const status = ctx.board.update(game.id, patch);
  if (!type || !details) return;
  ctx.events.append({
    type,
    gameId: game.id,
    gameName: game.name,
    vmid: game.vmid,
    node: status?.node ?? null,
    state: status?.state ?? null,
    actor: details.actor,
    source: details.source,
    upid: details.upid ?? status?.upid ?? null,
    result: details.result ?? null,
    durationMs: details.durationMs ?? null,
    reason: details.reason ?? null,
    action: details.action,
  });
}
