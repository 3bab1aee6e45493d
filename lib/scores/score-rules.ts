import { z } from "zod";
import { formatScore } from "../format/score";
import { MAX_STATUS_LENGTH, toStatusText } from "./status-text";

export { MAX_STATUS_LENGTH, toStatusText };

/** The manifest's `maxScore` when it names none. */
export const DEFAULT_MAX_SCORE = 1_000_000_000;
/** At most one score per player and game this often: a spam guard, not a game rule. */
export const SCORE_INTERVAL_MS = 5_000;
export const MAX_MODE_LENGTH = 32;
/** Boards per game: a game that invents a mode per run must not grow the page and the API without end. */
export const MAX_MODES_PER_GAME = 20;

// C0 and C1 control characters (newlines, tabs, escapes): never part of a name shown to people.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const points = "score must be a whole number of points (0 or more)";

/** The body of POST /api/v1/games/{id}/scores; `maxScore` is the game's own ceiling from game.json. */
export function scoreBodySchema(maxScore: number) {
  return z
    .object({
      score: z
        .number({ error: points })
        .int({ error: points })
        .min(0, { error: points })
        .max(maxScore, { error: `score must be at most ${formatScore(maxScore)} for this game (its game.json "maxScore")` })
        // JSON can carry -0; it is the same score as 0.
        .transform((n) => n + 0),
      mode: z
        .string({ error: `mode must be text of at most ${MAX_MODE_LENGTH} characters` })
        .max(MAX_MODE_LENGTH, { error: `mode must be at most ${MAX_MODE_LENGTH} characters` })
        .refine((v) => !CONTROL.test(v), { error: "mode must not contain line breaks or other control characters" })
        .nullable()
        .optional()
        .transform((v) => (v ? v : null)),
    })
    .strict();
}

export type ScoreBody = z.output<ReturnType<typeof scoreBodySchema>>;

/** The presence heartbeat's optional body: `{ "status": "Level 3" }`, `null` or `""` to clear it. */
export const presenceBodySchema = z
  .object({
    status: z
      .string({ error: `status must be text of at most ${MAX_STATUS_LENGTH} characters` })
      .max(MAX_STATUS_LENGTH, { error: `status must be at most ${MAX_STATUS_LENGTH} characters` })
      .nullable()
      .transform((v) => (v === null ? null : toStatusText(v))),
  })
  .strict();

export type ScoreVerdict = { personalBest: boolean; record: boolean };

/**
 * What a new score means: a personal best when it beats the player's own best on that board (or is their first),
 * a game record when it beats the board's best. A record needs more than 0 points: a run that scored nothing
 * is on the board but is nobody's record.
 */
export function judgeScore(score: number, previousBest: number | null, previousRecord: number | null): ScoreVerdict {
  return {
    personalBest: previousBest === null || score > previousBest,
    record: score > 0 && (previousRecord === null || score > previousRecord),
  };
}
