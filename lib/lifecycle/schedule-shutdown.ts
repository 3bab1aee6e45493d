import { toActorRef } from "../authz";
import { ArcadeError } from "../errors";
import { getGameOrThrow } from "../games";
import type { GameStatus, ScheduledShutdown } from "../status/types";
import { gamesOn, type LifecycleContext, type Request } from "./context";
import { powerContainer, powerGame } from "./power-game";
import { transition } from "./record";
import { dropScheduledShutdown, forgetScheduledShutdown, recordDropped } from "./shutdown-plan";

/** A planned shutdown whose time passed this long before the portal came back is dropped, not carried out. */
export const STALE_PLAN_MS = 10 * 60_000;

/** The CT is up for its players: one of its games is ready (or failed while the CT runs, which idle stop also counts). */
function isUp(ctx: LifecycleContext, vmid: number): boolean {
  return gamesOn(ctx, vmid).some((g) => {
    const status = ctx.board.get(g.id);
    return status?.state === "ready" || (status?.state === "failed" && status.ct?.status === "running");
  });
}

function plan(ctx: LifecycleContext, vmid: number, shutdown: ScheduledShutdown): void {
  ctx.shutdownTimers.set(vmid, shutdown, () => begin(ctx, vmid));
  for (const game of gamesOn(ctx, vmid)) transition(ctx, game, { scheduledShutdown: shutdown });
}

/** The planned time has come: shut down as the one who planned it, unless the CT is no longer there to shut down. */
function begin(ctx: LifecycleContext, vmid: number): void {
  const shutdown = ctx.shutdownTimers.get(vmid);
  if (!shutdown) return;
  const games = gamesOn(ctx, vmid);
  if (!ctx.ops.current(vmid) && !isUp(ctx, vmid)) {
    const unseen = games.some((g) => ctx.board.get(g.id)?.state === "unknown");
    dropScheduledShutdown(ctx, vmid, unseen ? "Proxmox could not be seen when it was due" : "the game was no longer running when it was due");
    return;
  }
  powerContainer(ctx, games[0]!, "shutdown", { actor: shutdown.by, source: shutdown.source });
}

/**
 * Shuts a game's CT down after `delaySec`, announced to its players (their pages show the countdown) and
 * cancellable until then. With no delay, while an operation runs, or when the CT is not up for anyone, it is the
 * plain shutdown: there is nobody to warn.
 */
export function scheduleShutdown(ctx: LifecycleContext, gameId: string, delaySec: number, request: Request): GameStatus {
  const game = getGameOrThrow(ctx.catalogue, gameId);
  if (delaySec <= 0 || ctx.ops.current(game.vmid) || !isUp(ctx, game.vmid)) return powerGame(ctx, gameId, "shutdown", request);
  const who = { actor: toActorRef(request.actor), source: request.source };
  plan(ctx, game.vmid, { at: Date.now() + delaySec * 1000, by: who.actor, source: who.source });
  for (const g of gamesOn(ctx, game.vmid)) transition(ctx, g, {}, "game.shutdown_scheduled", { ...who, durationMs: delaySec * 1000 });
  return ctx.board.get(game.id)!;
}

/** An admin calls off the planned shutdown: the game keeps running and its players' countdown disappears. */
export function cancelScheduledShutdown(ctx: LifecycleContext, gameId: string, request: Request): GameStatus {
  const game = getGameOrThrow(ctx.catalogue, gameId);
  if (!forgetScheduledShutdown(ctx, game.vmid)) {
    throw new ArcadeError("conflict:no_planned_shutdown", `No shutdown of ${game.name} is planned.`);
  }
  const who = { actor: toActorRef(request.actor), source: request.source };
  for (const g of gamesOn(ctx, game.vmid)) transition(ctx, g, {}, "game.shutdown_cancelled", who);
  return ctx.board.get(game.id)!;
}

/**
 * After a restart, plans that were waiting when the portal stopped are found in the event log: one still ahead
 * keeps its time, but is never carried out sooner than `resumedShutdownNoticeMs` after the restart (the players'
 * pages reconnect and show it first), which is also the notice for one whose time passed while the portal was
 * down; one more than STALE_PLAN_MS overdue is dropped with the reason recorded (an admin's "in 60 s" does not
 * become "in 3 hours"). Runs after the pending operations were resumed: an operation already under way wins.
 */
export function resumeScheduledShutdowns(ctx: LifecycleContext, now = Date.now()): number {
  let resumed = 0;
  for (const vmid of new Set(ctx.catalogue.games.map((g) => g.vmid))) {
    if (ctx.ops.current(vmid)) continue;
    const latest = gamesOn(ctx, vmid)
      .map((g) => ctx.events.lastShutdownPlan(g.id))
      .reduce((a, b) => (b && (!a || b.id > a.id) ? b : a), null);
    if (latest?.type !== "game.shutdown_scheduled") continue;
    const due = Date.parse(latest.at) + (latest.durationMs ?? 0);
    if (now - due > STALE_PLAN_MS) {
      recordDropped(ctx, vmid, `the portal was not running when it was due (${Math.round((now - due) / 60_000)} min ago)`);
      continue;
    }
    plan(ctx, vmid, { at: Math.max(due, now + ctx.timing.resumedShutdownNoticeMs), by: latest.actor, source: latest.source });
    resumed++;
  }
  return resumed;
}
