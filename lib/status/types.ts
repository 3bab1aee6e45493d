import type { ActorRef, Source } from "../authz";

export const gameStates = ["stopped", "starting", "ready", "stopping", "failed", "unknown"] as const;
export type GameState = (typeof gameStates)[number];

/** Named steps of a boot, in order; what the Play screen shows. */
export const startStages = ["requested", "container_starting", "container_running", "waiting_for_game", "ready"] as const;
export type StartStage = (typeof startStages)[number];

export type ContainerSnapshot = {
  status: "running" | "stopped" | "unknown";
  uptimeSec: number;
  cpu: number;
  cpus: number;
  memBytes: number;
  maxMemBytes: number;
};

/** The live state of one game, as every viewer sees it. */
export type GameStatus = {
  gameId: string;
  vmid: number;
  node: string | null;
  state: GameState;
  stage: StartStage | null;
  /** Epoch ms when the game entered its state. */
  since: number;
  reason: string | null;
  ct: ContainerSnapshot | null;
  upid: string | null;
  /** Who began the start or stop in progress (or the last one). */
  by: ActorRef | null;
  /** Epoch ms when the operation in progress began; elapsed time is measured from here. */
  opStartedAt: number | null;
  /**
   * What the operation in progress (or the last one) is: a reboot shows as `starting` too, and players are told
   * it is a restart. Read it together with `state`; it is not cleared when the operation ends.
   */
  operation: OperationKind | null;
  /** A shutdown announced to the players and waiting for its time (epoch ms); null when none is planned. */
  scheduledShutdown: ScheduledShutdown | null;
};

export type OperationKind = "start" | "adopt" | "reboot" | "shutdown" | "stop";

/** A delayed shutdown: who asked for it, from where, and when it begins. */
export type ScheduledShutdown = { at: number; by: ActorRef; source: Source };
