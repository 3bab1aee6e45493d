import { GameSettingsStore, PendingOpsStore, type Db } from "../db";
import type { EventLog } from "../events";
import type { Catalogue } from "../games";
import { StatusBoard } from "../status/status-board";
import type { GameStatus } from "../status/types";
import { defaultTiming, type LifecycleContext, type LifecycleTiming, type ProxmoxPort, type Request } from "./context";
import { observeCluster, observeUnreachable } from "./observe-cluster";
import { OpRegistry } from "./op-registry";
import { playGame } from "./play-game";
import { powerGame, type PowerRequest } from "./power-game";
import { type ProbeResult, probeUrl } from "./probe-url";
import { resumePendingOps } from "./resume-pending-ops";
import { cancelScheduledShutdown, resumeScheduledShutdowns, scheduleShutdown } from "./schedule-shutdown";
import { ShutdownTimers } from "./shutdown-timers";
import { resolveGameSettings } from "./game-settings";
import { idleDeadline, stopIdleGames } from "./stop-idle-games";
import type { PresenceBoard } from "../presence";
import type { Game } from "../games";

export type Lifecycle = ReturnType<typeof createLifecycle>;

/** Wires the lifecycle's state (board, operations, stores) around a Proxmox port; the only way anything starts or stops a CT. */
export function createLifecycle(deps: {
  proxmox: ProxmoxPort;
  catalogue: Catalogue;
  db: Db;
  events: EventLog;
  probe?: (url: string, timeoutMs: number, publicHost?: string) => Promise<ProbeResult>;
  timing?: Partial<LifecycleTiming>;
}) {
  const board = new StatusBoard(
    deps.catalogue.games.map((g) => ({
      gameId: g.id,
      vmid: g.vmid,
      node: g.node ?? null,
      state: "unknown",
      stage: null,
      since: Date.now(),
      reason: null,
      ct: null,
      upid: null,
      by: null,
      opStartedAt: null,
      operation: null,
      scheduledShutdown: null,
    })),
  );
  const ctx: LifecycleContext = {
    proxmox: deps.proxmox,
    catalogue: deps.catalogue,
    board,
    events: deps.events,
    pending: new PendingOpsStore(deps.db),
    settings: new GameSettingsStore(deps.db),
    ops: new OpRegistry(),
    shutdownTimers: new ShutdownTimers(),
    probe: deps.probe ?? probeUrl,
    timing: { ...defaultTiming, ...deps.timing },
    nodes: new Map(),
    lastSeen: new Map(),
    wake: () => undefined,
    startedAt: Date.now(),
  };

  return {
    context: ctx,
    board,
    settings: ctx.settings,
    play: (gameId: string, request: Request): GameStatus => playGame(ctx, gameId, request),
    power: (gameId: string, action: PowerRequest, request: Request): GameStatus => powerGame(ctx, gameId, action, request),
    scheduleShutdown: (gameId: string, delaySec: number, request: Request): GameStatus => scheduleShutdown(ctx, gameId, delaySec, request),
    cancelScheduledShutdown: (gameId: string, request: Request): GameStatus => cancelScheduledShutdown(ctx, gameId, request),
    stopIdleGames: (presence: PresenceBoard, fallbackMinutes: number, now?: number) => stopIdleGames(ctx, presence, fallbackMinutes, now),
    gameSettings: (game: Game, defaultIdleStopMinutes: number) => resolveGameSettings(ctx, game, defaultIdleStopMinutes),
    idleDeadline: (presence: PresenceBoard, game: Game, fallbackMinutes: number, now = Date.now()) => idleDeadline(ctx, presence, game, fallbackMinutes, now),
    observeCluster: (containers: Parameters<typeof observeCluster>[1]) => observeCluster(ctx, containers),
    observeUnreachable: (error: unknown, wasReachable: boolean) => observeUnreachable(ctx, error, wasReachable),
    resumePendingOps: () => resumePendingOps(ctx),
    /** After resumePendingOps: shutdowns planned before a restart keep their time (or are dropped, said why). */
    resumeScheduledShutdowns: (now?: number) => resumeScheduledShutdowns(ctx, now),
    isBusy: () => ctx.ops.isBusy() || board.isBusy(),
    onWake: (wake: () => void) => {
      ctx.wake = wake;
    },
    /** Waits until no operation is in flight (tests, graceful shutdown). */
    idle: async () => {
      while (ctx.ops.isBusy()) await Promise.all([...new Set(ctx.catalogue.games.map((g) => ctx.ops.current(g.vmid)?.done))]);
    },
    close: () => {
      ctx.shutdownTimers.clearAll();
      return ctx.ops.abortAll();
    },
  };
}
