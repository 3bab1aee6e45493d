import type { RankedScore, StoredScore } from "../scores/score-store";
import type { Board } from "../scores/score-store";
import { playerKey } from "../scores/player-key";
import type { GameRecord, ScoreBoard, ScoreEntry } from "./score-schemas";

/**
 * Who is looking: the secret the opaque keys are made with, whether Discord ids may be shown, and whose own runs
 * these may be (their picture is theirs to see; a Discord avatar URL carries the id, so others' stay out).
 */
export type ScoreViewer = { secret: string; revealIds: boolean; selfId?: string | null };

/** A run as the API shows it: display name and opaque key; picture and Discord id only for `revealIds` (own picture always). */
export function toScoreEntry(score: StoredScore & { rank: RankedScore["rank"] | null }, viewer: ScoreViewer): ScoreEntry {
  return {
    id: score.id,
    rank: score.rank,
    score: score.score,
    mode: score.mode,
    at: new Date(score.at).toISOString(),
    player: {
      key: playerKey(viewer.secret, score.playerId),
      name: score.name,
      avatarUrl: viewer.revealIds || score.playerId === viewer.selfId ? score.avatarUrl : null,
      ...(viewer.revealIds ? { discordId: score.playerId } : {}),
    },
  };
}

export function toBoardView(board: Board, viewer: ScoreViewer): ScoreBoard {
  return {
    mode: board.mode,
    players: board.players,
    top: board.top.map((s) => toScoreEntry(s, viewer)),
    mine: board.mine ? toScoreEntry(board.mine, viewer) : null,
  };
}

export function toGameRecord(score: StoredScore): GameRecord {
  return { mode: score.mode, score: score.score, name: score.name, avatarUrl: score.avatarUrl, at: new Date(score.at).toISOString() };
}
