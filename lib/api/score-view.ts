import type { RankedScore, StoredScore } from "../scores/score-store";
import type { Board } from "../scores/score-store";
import { playerKey } from "../scores/player-key";
import type { GameRecord, ScoreBoard, ScoreEntry } from "./score-schemas";

/** Who is looking: the secret the opaque keys are made with, and whether Discord ids may be shown. */
export type ScoreViewer = { secret: string; revealIds: boolean };

/** A run as the API shows it: display name, picture and opaque key; the Discord id only for `revealIds`. */
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
      avatarUrl: score.avatarUrl,
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
