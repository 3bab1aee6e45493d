import { SYSTEM_ACTOR, toActorRef, type ActorRef, type Source } from "../authz";
import { describeError } from "../errors";
import { type Game } from "../games";
import { isProxmoxError, waitForTask } from "../proxmox";
import { bootTimeoutMs, gamesOn, type LifecycleContext } from "./context";
import { transition } from "./record";
import { resolveNodeOrThrow } from "./resolve-node";
import { runStop } from "./run-stop";
import { BootFailure, waitForGame, waitForPowerState } from "./wait-for-game";

export type BootKind = "start" | "reboot" | "adopt";

export type BootRequest = {
  vmid: number;
  kind: BootKind;
  actor: ActorRef;
  source: Source;
  /** Set when a restarted portal picks up a start it had already sent. */
  resume?: { node: string; upid: string | null; startedAt: number };
  /** Adopting only: games that were ready when last recorded, whose being ready again is not news. */
  quietIds?: ReadonlySet<string>;
};

function isAlreadyRunning(error: unknown): boolean {
  return isProxmoxError(error) && error.status === 500 && /already running/i.test(error.reason ?? "");
}

function isNotRunning(error: unknown): boolean {
  return isProxmoxError(error) && error.status === 500 && /not running/i.test(error.reason ?? "");
}

/** Sends start (or reboot) unless resuming, and returns the task's UPID; null when the CT was already running. */
async function sendPower(ctx: LifecycleContext, req: BootRequest, node: string, games: Game[], startedAt: number): Promise<string | null> {
  if (req.resume?.upid) return req.resume.upid;
  const gameIds = games.map((g) => g.id);
  // A restart between saving and Proxmox's answer leaves no UPID: send again (a running CT just says so).
  if (!req.resume) ctx.pending.save({ vmid: req.vmid, node, action: req.kind === "reboot" ? "reboot" : "start", upid: null, gameIds, actor: req.actor, source: req.source, startedAt });
  let upid: string | null = null;
  try {
    upid = await ctx.proxmox.powerContainer(node, req.vmid, req.kind === "reboot" ? "reboot" : "start");
  } catch (error) {
    // Proxmox refuses start on a running CT with a synchronous 500; for us that is simply "already up".
    if (req.kind === "start" && isAlreadyRunning(error)) upid = null;
    else if (req.kind === "reboot" && isNotRunning(error)) upid = await ctx.proxmox.powerContainer(node, req.vmid, "start");
    else throw error;
  }
  if (upid) ctx.pending.setUpid(req.vmid, upid);
  // A resumed task was announced by the portal that sent it; a start sent again never was (it crashed first).
  if (req.resume && req.resume.upid) return upid;
  for (const game of games) {
    transition(ctx, game, { upid, stage: "container_starting" }, req.kind === "reboot" ? "game.rebooting" : "game.starting", {
      actor: req.actor,
      source: req.source,
      upid,
      action: req.kind === "reboot" ? "reboot" : undefined,
    });
  }
  return upid;
}

/**
 * Boots a CT and waits until each of its games answers: the task ends OK, status/current says running, then the
 * game's URL answers 2xx/3xx. Every failure leaves the games `failed` with the reason in words.
 */
export async function runBoot(ctx: LifecycleContext, req: BootRequest, signal: AbortSignal): Promise<void> {
  const games = gamesOn(ctx, req.vmid);
  const startedAt = req.resume?.startedAt ?? Date.now();
  const firstStage = req.kind === "adopt" ? "waiting_for_game" : "requested";
  for (const game of games) {
    transition(ctx, game, { state: "starting", stage: firstStage, reason: null, by: req.actor, opStartedAt: startedAt, upid: req.resume?.upid ?? null, operation: req.kind });
  }
  ctx.wake();
  const fail = (game: Game, reason: string) =>
    transition(ctx, game, { state: "failed", stage: null, reason }, "game.failed", {
      actor: req.actor,
      source: req.source,
      result: "error",
      reason,
      durationMs: Date.now() - startedAt,
      action: req.kind === "reboot" ? "reboot" : undefined,
    });
  // The task that booted the CT; null when it was already running (adopted, or up before our start).
  let taskUpid: string | null = req.resume?.upid ?? null;
  try {
    if (req.kind !== "adopt") {
      const node = req.resume?.node ?? (await resolveNodeOrThrow(ctx, req.vmid));
      for (const game of games) transition(ctx, game, { node });
      taskUpid = await sendPower(ctx, req, node, games, startedAt);
      const deadline = startedAt + Math.max(...games.map((g) => bootTimeoutMs(ctx, g)));
      if (taskUpid) {
        const outcome = await waitForTask(ctx.proxmox, node, taskUpid, { pollMs: ctx.timing.taskPollMs, signal });
        const verb = req.kind === "reboot" ? "reboot" : "start";
        // A start sent again after a restart queues behind the first one and then finds the CT up: that is success.
        const startedByEarlierTask = req.kind === "start" && /already running/i.test(outcome.exitStatus ?? "");
        if (!outcome.ok && !startedByEarlierTask) throw new BootFailure(`Proxmox could not ${verb} CT ${req.vmid}: ${outcome.exitStatus}`);
      }
      await waitForPowerState(ctx, req.vmid, node, "running", deadline, signal);
      ctx.lastSeen.set(req.vmid, "running");
      for (const game of games) transition(ctx, game, { stage: "container_running" });
    }
    await Promise.all(
      games.map(async (game) => {
        transition(ctx, game, { stage: "waiting_for_game" });
        try {
          await waitForGame(ctx, game, startedAt + bootTimeoutMs(ctx, game), signal);
        } catch (error) {
          if (signal.aborted) throw error;
          fail(game, describeError(error));
          return;
        }
        transition(ctx, game, { state: "ready", stage: "ready", reason: null }, req.quietIds?.has(game.id) ? undefined : "game.ready", {
          actor: req.actor,
          source: req.source,
          result: "ok",
          upid: taskUpid,
          durationMs: req.kind === "adopt" ? null : Date.now() - startedAt,
        });
      }),
    );
  } catch (error) {
    if (signal.aborted) return;
    const reason = describeError(error);
    for (const game of games) fail(game, reason);
  } finally {
    if (!signal.aborted && req.kind !== "adopt") ctx.pending.remove(req.vmid);
  }
  if (!signal.aborted && req.kind !== "adopt") shutDownAfterFailure(ctx, req.vmid, games);
}

/**
 * A boot of ours that failed while its CT runs leaves the CT running for nothing (and idle stop never saw a
 * ready game): shut it down, so the next Play starts clean. Not while another game on the CT is ready or
 * booting: idle stop puts the CT to sleep once that one is left alone.
 */
function shutDownAfterFailure(ctx: LifecycleContext, vmid: number, games: Game[]): void {
  const states = games.map((g) => ctx.board.get(g.id)?.state);
  if (!states.includes("failed") || states.some((s) => s === "ready" || s === "starting") || ctx.lastSeen.get(vmid) !== "running") return;
  const reason = "its start failed";
  ctx.ops.run(vmid, "shutdown", (signal) => runStop(ctx, { vmid, action: "shutdown", actor: toActorRef(SYSTEM_ACTOR), source: "auto", reason, afterFailure: true }, signal));
}
