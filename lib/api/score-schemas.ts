import { z } from "zod";
import { MAX_MODE_LENGTH } from "../scores/score-rules";
import { MAX_PLAYABLE_MS } from "../playable/playable-times";

/**
 * The leaderboards' shapes in the HTTP API and the event stream. A player is named by display name, picture and
 * an opaque `key` (the same for one person everywhere); the Discord id only goes to callers who may read the
 * audit (admins, the API token).
 */
export const scorePlayerSchema = z.object({
  key: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  discordId: z.string().optional(),
});

export const scoreEntrySchema = z.object({
  id: z.number(),
  /** The place on its board; null for a run that is not its player's best there. */
  rank: z.number().nullable(),
  score: z.number(),
  mode: z.string().nullable(),
  at: z.string(),
  player: scorePlayerSchema,
});
export type ScoreEntry = z.infer<typeof scoreEntrySchema>;

export const scoreBoardSchema = z.object({
  /** null: the game's default board. */
  mode: z.string().nullable(),
  /** How many players have a run on this board. */
  players: z.number(),
  top: z.array(scoreEntrySchema),
  /** The caller's own best on this board, with its rank; null for the API token or before their first run. */
  mine: scoreEntrySchema.nullable(),
});
export type ScoreBoard = z.infer<typeof scoreBoardSchema>;

export const scoreBoardsSchema = z.object({
  gameId: z.string(),
  /** The caller as the boards name them, so a page can mark its own rows; null for the bare API token. */
  you: z.object({ key: z.string(), name: z.string() }).nullable(),
  canDelete: z.boolean(),
  boards: z.array(scoreBoardSchema),
});
export type ScoreBoards = z.infer<typeof scoreBoardsSchema>;

export const postedScoreSchema = z.object({
  score: scoreEntrySchema,
  personalBest: z.boolean(),
  record: z.boolean(),
  previousBest: z.number().nullable(),
  board: scoreBoardSchema,
});
export type PostedScore = z.infer<typeof postedScoreSchema>;

/** The `scores` frame of the event stream: a board changed. The same for every viewer (no Discord ids). */
export const scoresPushSchema = z.object({
  gameId: z.string(),
  mode: z.string().nullable(),
  change: z.enum(["posted", "deleted"]),
  /** The run that was posted (null for a deletion). */
  entry: scoreEntrySchema.nullable(),
  top: z.array(scoreEntrySchema),
  players: z.number(),
});
export type ScoresPush = z.infer<typeof scoresPushSchema>;

/** A board's record on the game's card: "Best: Alice · 1,520". */
export const gameRecordSchema = z.object({
  mode: z.string().nullable(),
  score: z.number(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  at: z.string(),
});
export type GameRecord = z.infer<typeof gameRecordSchema>;

/** `detail` of score.record and score.deleted events (lib/events ScoreEventDetail). */
export const scoreEventDetailSchema = z.object({
  scoreId: z.number(),
  score: z.number(),
  mode: z.string().nullable(),
  player: z.object({ name: z.string() }),
  previous: z.object({ name: z.string(), score: z.number(), samePlayer: z.boolean() }).nullable(),
});

const isoTime = (name: string) =>
  z
    .string()
    .refine((v) => Number.isFinite(Date.parse(v)), { error: `${name} must be a date and time, e.g. 2026-11-28T18:00:00Z` })
    .transform((v) => Date.parse(v))
    .optional();

/** GET /api/v1/games/{id}/scores?mode=&limit=&since=&until= (mode= empty: the default board only). */
export const scoresQuerySchema = z.object({
  mode: z.string().max(MAX_MODE_LENGTH, { error: `mode must be at most ${MAX_MODE_LENGTH} characters` }).optional(),
  limit: z.coerce.number({ error: "limit must be a number from 1 to 10" }).int().min(1, { error: "limit must be a number from 1 to 10" }).max(10, { error: "limit must be a number from 1 to 10" }).optional(),
  since: isoTime("since"),
  until: isoTime("until"),
});

/** POST /api/v1/games/{id}/playable: milliseconds from pressing Play to the game's `ready`. */
export const playableBodySchema = z
  .object({
    ms: z
      .number({ error: "ms must be a whole number of milliseconds" })
      .int({ error: "ms must be a whole number of milliseconds" })
      .min(0, { error: "ms must not be negative" })
      .max(MAX_PLAYABLE_MS, { error: `ms must be at most ${MAX_PLAYABLE_MS} (15 minutes)` }),
  })
  .strict();
