import type { Actor, Source } from "../authz";
import type { GameSettingsStore, PendingOpsStore } from "../db";
import type { EventLog } from "../events";
import type { Catalogue, Game } from "../games";
import type { ProxmoxClient } from "../proxmox";
import type { StatusBoard } from "../status/status-board";
import { resolveGameSettings } from "./game-settings";
import type { OpRegistry } from "./op-registry";
import type { ProbeResult } from "./probe-url";
import type { ShutdownTimers } from "./shutdown-timers";

export type LifecycleTiming = {
  taskPollMs: number;
  runningPollMs: number;
  probeIntervalMs: number;
  probeTimeoutMs: number;
  defaultShutdownTimeoutSec: number;
  /** How long after an hastop task an HA-managed CT may still run: the HA manager acts in rounds of about 10 s. */
  haSettleMs: number;
  /** A restarted portal never carries out a planned shutdown sooner than this: reconnecting pages see it first. */
  resumedShutdownNoticeMs: number;
};

export const defaultTiming: LifecycleTiming = {
  taskPollMs: 500,
  runningPollMs: 500,
  probeIntervalMs: 500,
  probeTimeoutMs: 2_000,
  defaultShutdownTimeoutSec: 30,
  haSettleMs: 60_000,
  resumedShutdownNoticeMs: 15_000,
};

export type ProxmoxPort = Pick<ProxmoxClient, "listClusterContainers" | "getContainerStatus" | "powerContainer" | "getTaskStatus">;

/** Everything the lifecycle functions share; built once per process by the control plane. */
export type LifecycleContext = {
  proxmox: ProxmoxPort;
  catalogue: Catalogue;
  board: StatusBoard;
  events: EventLog;
  pending: PendingOpsStore;
  settings: GameSettingsStore;
  ops: OpRegistry;
  /** Shutdowns announced to the players and waiting for their time, one per CT. */
  shutdownTimers: ShutdownTimers;
  probe: (url: string, timeoutMs: number, publicHost?: string) => Promise<ProbeResult>;
  timing: LifecycleTiming;
  /** Node of each CT as last seen in /cluster/resources; fresher than game.json's optional "node". */
  nodes: Map<number, string>;
  /** Status of each CT as last seen in /cluster/resources (or as our own last operation left it). */
  lastSeen: Map<number, "running" | "stopped" | "unknown" | "missing">;
  /** Tells the watcher to poll soon: something is changing. */
  wake: () => void;
  /** Epoch ms when this portal process started: idle timers never count time before it. */
  startedAt: number;
};

export type Request = { actor: Actor; source: Source };

export function gamesOn(ctx: LifecycleContext, vmid: number): Game[] {
  return ctx.catalogue.games.filter((g) => g.vmid === vmid);
}

export function bootTimeoutMs(ctx: LifecycleContext, game: Game): number {
  // The boot timeout has no portal-wide default, so the idle one passed here does not matter.
  return resolveGameSettings(ctx, game, 0).effective.bootTimeoutSec * 1000;
}

export function shutdownTimeoutSec(ctx: LifecycleContext, games: Game[]): number {
  const configured = games.map((g) => ctx.settings.get(g.id).shutdownTimeoutSec).filter((v): v is number => v !== null);
  return configured.length > 0 ? Math.max(...configured) : ctx.timing.defaultShutdownTimeoutSec;
}
