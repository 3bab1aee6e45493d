import { SYSTEM_ACTOR, toActorRef } from "../authz";
import { describeError } from "../errors";
import type { Game } from "../games";
import { type ClusterContainer } from "../proxmox";
import type { ContainerSnapshot, GameState } from "../status/types";
import { gamesOn, type LifecycleContext } from "./context";
import { transition } from "./record";
import { runBoot } from "./run-boot";

const auto = { actor: toActorRef(SYSTEM_ACTOR), source: "auto" as const };

function snapshot(ct: ClusterContainer): ContainerSnapshot {
  return { status: ct.status, uptimeSec: ct.uptimeSec, cpu: ct.cpu, cpus: ct.cpus, memBytes: ct.memBytes, maxMemBytes: ct.maxMemBytes };
}

function markUnknown(ctx: LifecycleContext, games: Game[], reason: string): void {
  for (const game of games) {
    const status = ctx.board.get(game.id);
    if (status?.state === "unknown" && status.reason === reason) continue;
    // Entering `unknown` is worth an event; a change of reason while already unknown is not.
    transition(ctx, game, { state: "unknown", stage: null, reason }, status?.state === "unknown" ? undefined : "game.unknown", { ...auto, reason });
  }
}

/**
 * /cluster/resources lags status/current by up to a pvestatd cycle (10 s), so a report that contradicts what we
 * believe is checked live before anything happens; otherwise our own shutdown would look like an outside start.
 */
async function liveStatus(ctx: LifecycleContext, ct: ClusterContainer): Promise<"running" | "stopped" | undefined> {
  const live = await ctx.proxmox.getContainerStatus(ct.node, ct.vmid).catch(() => undefined);
  return ctx.ops.current(ct.vmid) ? undefined : live?.status;
}

async function onRunning(ctx: LifecycleContext, ct: ClusterContainer, games: Game[], states: GameState[]): Promise<void> {
  const previous = ctx.lastSeen.get(ct.vmid);
  const needsLook = states.some((s) => s === "stopped" || s === "unknown" || (s === "failed" && previous !== "running"));
  if (!needsLook) return void ctx.lastSeen.set(ct.vmid, "running");
  const discovering = previous === undefined || previous === "unknown" || previous === "missing";
  if (!discovering && (await liveStatus(ctx, ct)) !== "running") return;
  ctx.lastSeen.set(ct.vmid, "running");
  if (previous === "stopped") for (const game of games) transition(ctx, game, {}, "game.started_externally", auto);
  ctx.ops.run(ct.vmid, "adopt", (signal) => runBoot(ctx, { vmid: ct.vmid, kind: "adopt", ...auto }, signal));
}

async function onStopped(ctx: LifecycleContext, ct: ClusterContainer, games: Game[], states: GameState[]): Promise<void> {
  const previous = ctx.lastSeen.get(ct.vmid);
  const believable = previous === undefined || states.every((s) => s === "stopped" || s === "failed" || s === "unknown");
  if (!believable && (await liveStatus(ctx, ct)) !== "stopped") return;
  ctx.lastSeen.set(ct.vmid, "stopped");
  for (const game of games) {
    const state = ctx.board.get(game.id)?.state;
    if (state === "ready") transition(ctx, game, { state: "stopped", stage: null, reason: null }, "game.stopped_externally", auto);
    else if (state === "unknown") transition(ctx, game, { state: "stopped", stage: null, reason: null });
  }
}

/**
 * Reconciles what the cluster reports with what we believe, for CTs with no operation of ours in flight: a CT
 * that came up outside the arcade is adopted (its game probed), one that went down is marked stopped, a missing
 * or unreported one is `unknown`. Steady CTs cost nothing beyond the poll itself.
 */
export async function observeCluster(ctx: LifecycleContext, containers: ClusterContainer[]): Promise<void> {
  const byVmid = new Map(containers.map((ct) => [ct.vmid, ct]));
  for (const vmid of new Set(ctx.catalogue.games.map((g) => g.vmid))) {
    const games = gamesOn(ctx, vmid);
    const ct = byVmid.get(vmid);
    if (ct) {
      ctx.nodes.set(vmid, ct.node);
      for (const game of games) transition(ctx, game, { node: ct.node, ct: snapshot(ct) });
    }
    if (ctx.ops.current(vmid)) continue;
    if (!ct) {
      ctx.lastSeen.set(vmid, "missing");
      markUnknown(ctx, games, `CT ${vmid} is not in the Proxmox cluster: check "vmid" in game.json`);
      continue;
    }
    if (ct.status === "unknown") {
      ctx.lastSeen.set(vmid, "unknown");
      markUnknown(ctx, games, `Proxmox cannot see CT ${vmid} right now: node ${ct.node} is not reporting`);
      continue;
    }
    const states = games.map((g) => ctx.board.get(g.id)?.state ?? "unknown");
    if (ct.status === "running") await onRunning(ctx, ct, games, states);
    else await onStopped(ctx, ct, games, states);
  }
}

/** Proxmox could not be asked at all: games without an operation become `unknown`, with the reason in words. */
export function observeUnreachable(ctx: LifecycleContext, error: unknown, wasReachable: boolean): void {
  const reason = describeError(error);
  if (wasReachable) ctx.events.append({ type: "proxmox.unreachable", ...auto, reason, result: "error" });
  for (const game of ctx.catalogue.games) {
    if (ctx.ops.current(game.vmid)) continue;
    const status = ctx.board.get(game.id);
    if (status?.state === "unknown" && status.reason === reason) continue;
    transition(ctx, game, { state: "unknown", stage: null, reason });
  }
}
