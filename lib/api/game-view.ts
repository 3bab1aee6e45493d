import type { Game } from "../games";
import type { GameStatus } from "../status/types";
import type { GameView } from "./schemas";

/** Players listed per game; the rest are a number (1000 claimed players once made one status 65 kB). */
export const MAX_PLAYERS_SHOWN = 12;

/**
 * Median and 90th percentile of recent boot durations: "usually ready in ~14 s" is the median; only a boot slower
 * than nine in ten recorded ones is "taking longer than usual". The percentile is the nearest rank (a recorded
 * duration, never an interpolated one).
 */
export function estimateBoot(durationsMs: number[]): GameView["eta"] {
  if (durationsMs.length === 0) return null;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p90Ms = sorted[Math.ceil(0.9 * sorted.length) - 1]!;
  return { medianMs: Math.round(medianMs), p90Ms: Math.round(p90Ms), samples: sorted.length };
}

/** What clients see of a game: catalogue fields plus live status. Internal addresses (probeUrl, upstream) stay out. */
export function toGameView(
  game: Game,
  status: GameStatus,
  extra: Pick<GameView, "eta" | "bootTimeoutSec" | "shutdownTimeoutSec" | "players" | "idleStopMinutes" | "idleStopAt" | "records">,
): GameView {
  return {
    id: game.id,
    name: game.name,
    description: game.description,
    imageUrl: game.image === undefined ? null : /^https?:/.test(game.image) ? game.image : `/api/v1/games/${game.id}/image`,
    url: game.url,
    aspectRatio: game.aspectRatio,
    controls: game.controls,
    vmid: game.vmid,
    node: status.node,
    state: status.state,
    stage: status.stage,
    since: new Date(status.since).toISOString(),
    reason: status.reason,
    ct: status.ct,
    upid: status.upid,
    by: status.by,
    opStartedAt: status.opStartedAt === null ? null : new Date(status.opStartedAt).toISOString(),
    eta: extra.eta,
    bootTimeoutSec: extra.bootTimeoutSec,
    shutdownTimeoutSec: extra.shutdownTimeoutSec,
    players: extra.players.slice(0, MAX_PLAYERS_SHOWN),
    playerCount: extra.players.length,
    idleStopMinutes: extra.idleStopMinutes,
    idleStopAt: extra.idleStopAt,
    records: extra.records,
    operation: status.operation,
    scheduledShutdown: status.scheduledShutdown && { at: new Date(status.scheduledShutdown.at).toISOString(), by: status.scheduledShutdown.by },
    multiplayer: game.multiplayer,
  };
}
