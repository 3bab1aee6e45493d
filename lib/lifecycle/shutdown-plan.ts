import { SYSTEM_ACTOR, toActorRef } from "../authz";
import type { ScheduledShutdown } from "../status/types";
import { gamesOn, type LifecycleContext } from "./context";
import { transition } from "./record";

/** Forgets the CT's planned shutdown without a word: something newer (a shutdown now, a stop, a reboot) replaces it. */
export function forgetScheduledShutdown(ctx: LifecycleContext, vmid: number): ScheduledShutdown | undefined {
  const plan = ctx.shutdownTimers.clear(vmid);
  if (plan) for (const game of gamesOn(ctx, vmid)) transition(ctx, game, { scheduledShutdown: null });
  return plan;
}

/** Drops the CT's planned shutdown, recording why: it no longer applies (the CT went down another way, or too late). */
export function dropScheduledShutdown(ctx: LifecycleContext, vmid: number, reason: string): void {
  if (forgetScheduledShutdown(ctx, vmid)) recordDropped(ctx, vmid, reason);
}

/** Records that the CT's planned shutdown will not happen, and why. */
export function recordDropped(ctx: LifecycleContext, vmid: number, reason: string): void {
  for (const game of gamesOn(ctx, vmid)) {
    transition(ctx, game, {}, "game.shutdown_cancelled", { actor: toActorRef(SYSTEM_ACTOR), source: "auto", reason });
  }
}
