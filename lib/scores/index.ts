export { formatScore, modeSuffix } from "../format/score";
export { playerKey } from "./player-key";
export {
  DEFAULT_MAX_SCORE,
  judgeScore,
  MAX_MODE_LENGTH,
  MAX_MODES_PER_GAME,
  MAX_STATUS_LENGTH,
  presenceBodySchema,
  SCORE_INTERVAL_MS,
  scoreBodySchema,
  toStatusText,
  type ScoreBody,
  type ScoreVerdict,
} from "./score-rules";
export { ScoreStore, type AddResult, type Board, type BoardQuery, type NewScore, type RankedScore, type StoredScore } from "./score-store";
