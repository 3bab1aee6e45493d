import type { ActorRef, Source } from "../authz";
import { describeError } from "../errors";
import { isProxmoxError, parseUpid, sleep, waitForTask } from "../proxmox";
import { gamesOn, shutdownTimeoutSec, type LifecycleContext } from "./context";
import { transition } from "./record";
import { readStatusFollowing, resolveNodeOrThrow } from "./resolve-node";
import { waitForPowerState } from "./wait-for-game";

export type StopRequest = {
  vmid: number;
  action: "shutdown" | "stop";
  actor: ActorRef;
  source: Source;
  /** Why, when it was not a person's decision (idle auto-stop); shown in events and notifications. */
  reason?: string;
  /** Cleaning up after a failed boot: the games stay `failed` with their reason while their CT goes down. */
  afterFailure?: boolean;
  resume?: { node: string; upid: string | null; startedAt: number };
};

function isNotRunning(error: unknown): boolean {
  return isProxmoxError(error) && error.status === 500 && /not running/i.test(error.reason ?? "");
}

/** Sends a power-off action; null when the CT was not running anyway. */
async function powerOff(ctx: LifecycleContext, node: string, vmid: number, action: "shutdown" | "stop", timeoutSec: number): Promise<string | null> {
  try {
    return action === "shutdown"
      ? await ctx.proxmox.powerContainer(node, vmid, "shutdown", { timeoutSec })
      : await ctx.proxmox.powerContainer(node, vmid, "stop");
  } catch (error) {
    if (isNotRunning(error)) return null;
    throw error;
  }
}

/**
 * Shuts a CT down with a timeout and falls back to a hard stop when the guest does not go down in time; `stop`
 * skips straight to the hard stop ("force").
 */
export async function runStop(ctx: LifecycleContext, req: StopRequest, signal: AbortSignal): Promise<void> {
  const games = gamesOn(ctx, req.vmid);
  const startedAt = req.resume?.startedAt ?? Date.now();
  // After a failed boot the failure is what people need to see; the shutdown is housekeeping underneath it.
  // The idle auto-stop's reason stays on the status, so a player coming back reads why the game is asleep.
  const reason = req.source === "auto" && req.reason ? req.reason : null;
  const stoppingPatch = req.afterFailure ? {} : { state: "stopping" as const, stage: null, reason, operation: req.action };
  const stoppedPatch = req.afterFailure ? {} : { state: "stopped" as const, stage: null, reason };
  for (const game of games) transition(ctx, game, { ...stoppingPatch, by: req.actor, opStartedAt: startedAt });
  ctx.wake();
  const timeoutSec = shutdownTimeoutSec(ctx, games);
  try {
    let node = req.resume?.node ?? (await resolveNodeOrThrow(ctx, req.vmid));
    let upid = req.resume?.upid ?? null;
    if (!req.resume) {
      ctx.pending.save({ vmid: req.vmid, node, action: req.action, upid: null, gameIds: games.map((g) => g.id), actor: req.actor, source: req.source, startedAt });
      upid = await powerOff(ctx, node, req.vmid, req.action, timeoutSec);
      if (!upid) {
        // "not running" on the node we asked: if the CT moved there since the lookup, stop it where it is.
        const live = await readStatusFollowing(ctx, req.vmid, node);
        if (live?.status === "running" && live.node !== node) {
          node = live.node;
          upid = await powerOff(ctx, node, req.vmid, req.action, timeoutSec);
        }
      }
      if (upid) ctx.pending.setUpid(req.vmid, upid);
      for (const game of games) {
        transition(ctx, game, { node, upid }, "game.stopping", { actor: req.actor, source: req.source, upid, action: req.action, reason: req.reason });
      }
    }
    let note: string | null = req.reason ?? (req.action === "stop" ? `forced by ${req.actor.name}` : `shut down by ${req.actor.name}`);
    if (upid) {
      const outcome = await waitForTask(ctx.proxmox, node, upid, { pollMs: ctx.timing.taskPollMs, signal });
      if (!outcome.ok && req.action === "shutdown") {
        // The guest ignored or outlasted the shutdown ("container did not stop"): finish the job with a hard stop.
        note = `shutdown did not finish within ${timeoutSec} s (${outcome.exitStatus}), so it was force-stopped`;
        const stopUpid = await powerOff(ctx, node, req.vmid, "stop", timeoutSec);
        if (stopUpid) {
          ctx.pending.setUpid(req.vmid, stopUpid);
          for (const game of games) transition(ctx, game, { upid: stopUpid });
          const forced = await waitForTask(ctx.proxmox, node, stopUpid, { pollMs: ctx.timing.taskPollMs, signal });
          if (!forced.ok) throw new Error(`Proxmox could not stop CT ${req.vmid}: ${forced.exitStatus}`);
        }
      } else if (!outcome.ok) {
        throw new Error(`Proxmox could not stop CT ${req.vmid}: ${outcome.exitStatus}`);
      }
    }
    if (upid && parseUpid(upid)?.type.startsWith("ha")) {
      // An hastop task only asked the HA stack; the CT goes down when the HA manager acts (and shuts it down).
      await waitForPowerState(ctx, req.vmid, node, "stopped", Date.now() + timeoutSec * 1000 + ctx.timing.haSettleMs, signal);
    } else {
      for (let i = 0; i < 20; i++) {
        const status = await readStatusFollowing(ctx, req.vmid, node);
        if (!status || status.status === "stopped") break;
        await sleep(ctx.timing.runningPollMs, signal);
      }
    }
    ctx.lastSeen.set(req.vmid, "stopped");
    for (const game of games) {
      transition(ctx, game, stoppedPatch, "game.stopped", {
        actor: req.actor,
        source: req.source,
        result: "ok",
        reason: note,
        durationMs: Date.now() - startedAt,
      });
    }
  } catch (error) {
    if (signal.aborted) return;
    const reason = `could not ${req.action === "stop" ? "stop" : "shut down"}: ${describeError(error)}`;
    for (const game of games) {
      transition(ctx, game, { state: "failed", stage: null, reason }, "game.failed", {
        actor: req.actor,
        source: req.source,
        result: "error",
        reason: describeError(error),
        action: req.action,
      });
    }
  } finally {
    if (!signal.aborted) ctx.pending.remove(req.vmid);
  }
}
