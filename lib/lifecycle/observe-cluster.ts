import { SYSTEM_ACTOR, toActorRef } from "../authz";
import { describeError } from "../errors";
import type { Game } from "../games";
import { type ClusterContainer } from "../proxmox";
import type { ContainerSnapshot, GameState } from "../status/types";
import { gamesOn, type LifecycleContext } from "./context";
import { transition } from "./record";
import { runBoot } from "./run-boot";
import { dropScheduledShutdown } from "./shutdown-plan";

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

/** Words for a change nobody here saw happen: while this process was not running yet, or Proxmox could not be seen. */
function whileAway(previous: string | undefined): string {
  return previous === undefined ? "while the portal was down" : "while Proxmox could not be seen";
}

async function onRunning(ctx: LifecycleContext, ct: ClusterContainer, games: Game[], states: GameState[]): Promise<void> {
  const previous = ctx.lastSeen.get(ct.vmid);
  const needsLook = states.some((s) => s === "stopped" || s === "unknown" || (s === "failed" && previous !== "running"));
  if (!needsLook) {
    ctx.lastSeen.set(ct.vmid, "running");
    for (const [index, game] of games.entries()) if (states[index] === "failed") void recheckFailed(ctx, game);
    return;
  }
  const discovering = previous === undefined || previous === "unknown" || previous === "missing";
  if (!discovering && (await liveStatus(ctx, ct)) !== "running") return;
  ctx.lastSeen.set(ct.vmid, "running");
  // Adopting a state is not news. A game the board lost sight of (at start, or while Proxmox was unreachable)
  // is compared with what the event log last recorded: ready is ready again in silence; stopped, failed, or
  // no history at all (a game the arcade never started sleeps, as far as it knows) was started while nobody
  // here looked, said once.
  const quietIds = new Set<string>();
  for (const [index, game] of games.entries()) {
    const before = states[index] === "unknown" ? ctx.events.lastRecordedState(game.id) : states[index]!;
    if (previous === "stopped") transition(ctx, game, {}, "game.started_externally", auto);
    else if (before === null || before === "stopped" || before === "failed") transition(ctx, game, {}, "game.started_externally", { ...auto, reason: whileAway(previous) });
    if (before === "ready") quietIds.add(game.id);
  }
  ctx.ops.run(ct.vmid, "adopt", (signal) => runBoot(ctx, { vmid: ct.vmid, kind: "adopt", ...auto, quietIds }, signal));
}

const rechecking = new WeakMap<LifecycleContext, Set<string>>();

/**
 * A game that failed on a CT that keeps running (another game on it is in use, or it was adopted) is probed
 * again at each poll: a web server that comes back makes it ready after all. Probes run beside the poll, one
 * per game at a time, so a slow one never holds up the watcher.
 */
async function recheckFailed(ctx: LifecycleContext, game: Game): Promise<void> {
  const busy = rechecking.get(ctx) ?? new Set<string>();
  rechecking.set(ctx, busy);
  if (busy.has(game.id)) return;
  busy.add(game.id);
  try {
    const result = await ctx.probe(game.probeUrl, ctx.timing.probeTimeoutMs, new URL(game.url).host);
    if (!result.ok || ctx.ops.current(game.vmid) || ctx.board.get(game.id)?.state !== "failed") return;
    transition(ctx, game, { state: "ready", stage: "ready", reason: null }, "game.ready", { ...auto, result: "ok", reason: "answering after all" });
  } finally {
    busy.delete(game.id);
  }
}

async function onStopped(ctx: LifecycleContext, ct: ClusterContainer, games: Game[], states: GameState[]): Promise<void> {
  const previous = ctx.lastSeen.get(ct.vmid);
  const believable = previous === undefined || states.every((s) => s === "stopped" || s === "failed" || s === "unknown");
  if (!believable && (await liveStatus(ctx, ct)) !== "stopped") return;
  ctx.lastSeen.set(ct.vmid, "stopped");
  dropScheduledShutdown(ctx, ct.vmid, "the container was stopped outside the arcade first");
  for (const game of games) {
    const state = ctx.board.get(game.id)?.state;
    const stopped = { state: "stopped" as const, stage: null, reason: null };
    if (state === "ready") transition(ctx, game, stopped, "game.stopped_externally", auto);
    else if (state !== "unknown") continue;
    // Seen again after losing sight of it: news only if it was up when last recorded.
    else if (["ready", "starting"].includes(ctx.events.lastRecordedState(game.id) ?? "")) transition(ctx, game, stopped, "game.stopped_externally", { ...auto, reason: whileAway(previous) });
    else transition(ctx, game, stopped);
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
