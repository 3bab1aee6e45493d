import { estimateBoot, toGameView } from "../api/game-view";
import type { GameView } from "../api/schemas";
import type { ScoresPush } from "../api/score-schemas";
import { toGameRecord } from "../api/score-view";
import type { ScoreStore } from "../scores/score-store";
import type { ArcadeEvent, EventLog } from "../events";
import { getGameOrThrow, type Catalogue } from "../games";
import type { Lifecycle } from "../lifecycle";
import type { PresenceBoard } from "../presence";
import type { GameStatus } from "../status/types";

export type HubListener = {
  status?: (view: GameView) => void;
  event?: (event: ArcadeEvent) => void;
  scores?: (push: ScoresPush) => void;
  /** The portal is going away: say so with a retry hint and end the stream. */
  shutdown?: (retryMs: number) => void;
};

/**
 * Builds each game's view once per change and fans it out to every stream. With 500 browsers open, a status
 * change costs one view and 500 writes, not 500 database reads.
 */
export class ViewHub {
  private readonly listeners = new Set<HubListener>();
  private readonly etas = new Map<string, GameView["eta"]>();
  private closingRetryMs: number | null = null;
  private readonly records = new Map<string, GameView["records"]>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly lifecycle: Lifecycle,
    private readonly events: EventLog,
    private readonly presence: PresenceBoard,
    private readonly idleStopMinutes: number,
    private readonly scores: ScoreStore,
  ) {
    lifecycle.board.subscribe((status) => this.emitStatus(status));
    events.subscribe((event) => {
      if (event.type === "game.ready" && event.gameId) this.etas.delete(event.gameId);
      for (const listener of this.listeners) listener.event?.(event);
    });
  }

  view(gameId: string): GameView {
    const game = getGameOrThrow(this.catalogue, gameId);
    return this.build(this.lifecycle.board.get(game.id)!);
  }

  /** A game's stored, default and effective settings (the admin page's form shows all three). */
  settings(gameId: string) {
    return this.lifecycle.gameSettings(getGameOrThrow(this.catalogue, gameId), this.idleStopMinutes);
  }

  views(): GameView[] {
    return this.catalogue.games.map((g) => this.build(this.lifecycle.board.get(g.id)!));
  }

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pushes a game's view again after something outside its status changed (its settings). */
  refresh(gameId: string): void {
    const status = this.lifecycle.board.get(gameId);
    if (status) this.emitStatus(status);
  }

  /**
   * Ends every open stream with a retry hint, and every stream opened from now on at once: an open SSE response
   * would otherwise keep the server (and this process, with its watcher) alive until the client leaves.
   */
  closeStreams(retryMs: number): void {
    this.closingRetryMs = retryMs;
    for (const listener of [...this.listeners]) listener.shutdown?.(retryMs);
  }

  /** The retry hint while the portal shuts down; null while it serves. */
  get shutdownRetryMs(): number | null {
    return this.closingRetryMs;
  }

  /** Tells every stream that a board changed; a changed record also reaches the game's card. */
  publishScores(push: ScoresPush, recordChanged: boolean): void {
    for (const listener of this.listeners) listener.scores?.(push);
    if (!recordChanged) return;
    this.records.delete(push.gameId);
    this.refresh(push.gameId);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  private emitStatus(status: GameStatus): void {
    if (this.listeners.size === 0) return;
    const view = this.build(status);
    for (const listener of this.listeners) listener.status?.(view);
  }

  private build(status: GameStatus): GameView {
    const game = getGameOrThrow(this.catalogue, status.gameId);
    if (!this.etas.has(game.id)) this.etas.set(game.id, estimateBoot(this.events.recentBootDurations(game.id)));
    if (!this.records.has(game.id)) this.records.set(game.id, this.scores.records(game.id).map(toGameRecord));
    const { effective } = this.settings(game.id);
    const idleStopAt = this.lifecycle.idleDeadline(this.presence, game, this.idleStopMinutes);
    return toGameView(game, status, {
      eta: this.etas.get(game.id) ?? null,
      bootTimeoutSec: effective.bootTimeoutSec,
      shutdownTimeoutSec: effective.shutdownTimeoutSec,
      players: this.presence.players(game.id),
      idleStopMinutes: effective.idleStopMinutes,
      idleStopAt: idleStopAt === null ? null : new Date(idleStopAt).toISOString(),
      records: this.records.get(game.id) ?? [],
    });
  }
}
