import type { GameStatus } from "./types";

export type StatusListener = (status: GameStatus) => void;

function sameStatus(a: GameStatus, b: GameStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The current status of every game, held once per process and fanned out to subscribers (SSE streams, the bot's
 * stream). Proxmox is polled by one watcher whatever the number of viewers; viewers only read from here.
 */
export class StatusBoard {
  private readonly statuses = new Map<string, GameStatus>();
  private readonly listeners = new Set<StatusListener>();

  constructor(initial: GameStatus[]) {
    for (const status of initial) this.statuses.set(status.gameId, status);
  }

  get(gameId: string): GameStatus | undefined {
    return this.statuses.get(gameId);
  }

  all(): GameStatus[] {
    return [...this.statuses.values()];
  }

  /** Applies a change; subscribers hear about it only if something actually changed. */
  update(gameId: string, patch: Partial<Omit<GameStatus, "gameId" | "vmid">>): GameStatus | undefined {
    const current = this.statuses.get(gameId);
    if (!current) return undefined;
    const next: GameStatus = { ...current, ...patch };
    if (patch.state !== undefined && patch.state !== current.state && patch.since === undefined) next.since = Date.now();
    if (sameStatus(current, next)) return current;
    this.statuses.set(gameId, next);
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch (error) {
        console.error("status listener failed", error);
      }
    }
    return next;
  }

  subscribe(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True while any game is booting or stopping: the watcher polls fast then. */
  isBusy(): boolean {
    for (const status of this.statuses.values()) {
      if (status.state === "starting" || status.state === "stopping") return true;
    }
    return false;
  }
}
