import { idleReason } from "../api/idle-reason";
import { SYSTEM_ACTOR } from "../authz";
import type { Game } from "../games";
import type { PresenceBoard } from "../presence";
import { gamesOn, type LifecycleContext } from "./context";
import { resolveGameSettings } from "./game-settings";
import { powerGame } from "./power-game";

/** The minutes of nobody playing after which a game's CT goes to sleep; 0 = never. */
export function idleStopMinutes(ctx: LifecycleContext, game: Game, fallback: number): number {
  return resolveGameSettings(ctx, game, fallback).effective.idleStopMinutes;
}

/**
 * When a ready game (or a failed one whose CT still runs) will be stopped if nobody opens it: its last heartbeat
 * (or when it entered its state, or when the portal started, whichever is latest) plus its idle minutes. Null
 * while someone plays or when it never stops.
 */
export function idleDeadline(ctx: LifecycleContext, presence: PresenceBoard, game: Game, fallback: number, now: number): number | null {
  const status = ctx.board.get(game.id);
  const minutes = idleStopMinutes(ctx, game, fallback);
  const up = status?.state === "ready" || (status?.state === "failed" && status.ct?.status === "running");
  if (!up || minutes === 0 || presence.players(game.id, now).length > 0) return null;
  const lastActivity = Math.max(status.since, presence.lastSeen(game.id) ?? 0, ctx.startedAt);
  return lastActivity + minutes * 60_000;
}

/** Shuts down every CT whose games have all been idle past their limit; returns the CT ids it stopped. */
export function stopIdleGames(ctx: LifecycleContext, presence: PresenceBoard, fallback: number, now = Date.now()): number[] {
  const stopped: number[] = [];
  for (const vmid of new Set(ctx.catalogue.games.map((g) => g.vmid))) {
    if (ctx.ops.current(vmid)) continue;
    const games = gamesOn(ctx, vmid);
    const deadlines = games.map((g) => idleDeadline(ctx, presence, g, fallback, now));
    if (deadlines.some((d) => d === null || d > now)) continue;
    const minutes = Math.min(...games.map((g) => idleStopMinutes(ctx, g, fallback)));
    powerGame(ctx, games[0]!.id, "shutdown", { actor: SYSTEM_ACTOR, source: "auto" }, idleReason(minutes));
    stopped.push(vmid);
  }
  return stopped;
}
