import { z } from "zod";
import { gameRecordSchema } from "./score-schemas";

/** The HTTP API's shapes, shared by route handlers (which produce them) and the bot's client (which checks them). */

export const gameStateSchema = z.enum(["stopped", "starting", "ready", "stopping", "failed", "unknown"]);
export const startStageSchema = z.enum(["requested", "container_starting", "container_running", "waiting_for_game", "ready"]);
export const sourceSchema = z.enum(["web", "discord", "api", "auto"]);
export const actorRefSchema = z.object({ kind: z.enum(["user", "token", "system"]), id: z.string().nullable(), name: z.string() });
export const operationKindSchema = z.enum(["start", "adopt", "reboot", "shutdown", "stop"]);

export const gameViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  imageUrl: z.string().nullable(),
  url: z.string(),
  aspectRatio: z.string(),
  controls: z.array(z.string()),
  vmid: z.number(),
  node: z.string().nullable(),
  state: gameStateSchema,
  stage: startStageSchema.nullable(),
  since: z.string(),
  reason: z.string().nullable(),
  ct: z
    .object({
      status: z.enum(["running", "stopped", "unknown"]),
      uptimeSec: z.number(),
      cpu: z.number(),
      cpus: z.number(),
      memBytes: z.number(),
      maxMemBytes: z.number(),
    })
    .nullable(),
  upid: z.string().nullable(),
  by: actorRefSchema.nullable(),
  opStartedAt: z.string().nullable(),
  /** Recorded cold boots: the median is "usually ready in", above the 90th percentile is "taking longer than usual". */
  eta: z.object({ medianMs: z.number(), p90Ms: z.number().optional(), samples: z.number() }).nullable(),
  bootTimeoutSec: z.number(),
  shutdownTimeoutSec: z.number(),
  /** Who has the game open now (play-page heartbeats): the first MAX_PLAYERS_SHOWN by name, with what they are doing. */
  players: z.array(z.object({ id: z.string(), name: z.string(), avatarUrl: z.string().nullable(), status: z.string().nullable() })),
  /** How many have it open, including those beyond the list. */
  playerCount: z.number(),
  /** Minutes with nobody playing before the CT goes to sleep; 0 = never. */
  idleStopMinutes: z.number(),
  /** When the CT will be shut down if nobody plays, while ready and empty; null otherwise. */
  idleStopAt: z.string().nullable(),
  /** Each score board's record (more than 0 points), the default board first. */
  records: z.array(gameRecordSchema),
  /**
   * The next three are optional so a client still understands a portal from before them. What the operation in
   * progress (or the last one) is: "reboot" while `starting` is a restart.
   */
  operation: operationKindSchema.nullable().optional(),
  /** A shutdown announced to the players: it begins at `at` unless an admin cancels it. */
  scheduledShutdown: z.object({ at: z.string(), by: actorRefSchema }).nullable().optional(),
  /** The game is one shared world (game.json "multiplayer": true): others join it; otherwise each plays their own. */
  multiplayer: z.boolean().optional(),
});
export type GameView = z.infer<typeof gameViewSchema>;

export const gameListSchema = z.object({ games: z.array(gameViewSchema) });

export const arcadeEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  type: z.string(),
  gameId: z.string().nullable(),
  vmid: z.number().nullable(),
  node: z.string().nullable(),
  actor: actorRefSchema,
  source: sourceSchema,
  upid: z.string().nullable(),
  result: z.enum(["ok", "error"]).nullable(),
  durationMs: z.number().nullable(),
  state: z.string().nullable(),
  reason: z.string().nullable(),
  message: z.string(),
  /** Facts of score events (see scoreEventDetailSchema); null for the others. */
  detail: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type ArcadeEventView = z.infer<typeof arcadeEventSchema>;

export const auditResponseSchema = z.object({ events: z.array(arcadeEventSchema), nextBefore: z.number().nullable() });

export const auditQuerySchema = z.object({
  game: z.string().max(40).optional(),
  actor: z.string().max(40).optional(),
  before: z.coerce.number({ error: "before must be an event id (a number)" }).int().positive().optional(),
  limit: z.coerce.number({ error: "limit must be a number from 1 to 500" }).int().min(1).max(500).optional(),
});

export const powerActionSchema = z.enum(["start", "shutdown", "stop", "reboot"], {
  error: "The action must be one of start, shutdown, stop or reboot.",
});
export type PowerAction = z.infer<typeof powerActionSchema>;

/** POST /games/{id}/shutdown may say when: 0 = now; left out = 60 s when someone is playing, else now. */
export const shutdownBodySchema = z
  .object({
    delaySec: z.number({ error: "delaySec must be a number of seconds (0 = now)" }).int().min(0).max(3600).optional(),
  })
  .strict();

export const settingsBodySchema = z
  .object({
    bootTimeoutSec: z.number({ error: "bootTimeoutSec must be a number of seconds" }).int().min(5).max(900).nullable().optional(),
    shutdownTimeoutSec: z.number({ error: "shutdownTimeoutSec must be a number of seconds" }).int().min(1).max(600).nullable().optional(),
    idleStopMinutes: z.number({ error: "idleStopMinutes must be a number of minutes (0 = never)" }).int().min(0).max(1440).nullable().optional(),
  })
  .strict();

export const healthSchema = z.object({
  ok: z.boolean(),
  proxmox: z.object({ reachable: z.boolean().nullable(), polls: z.number() }),
  games: z.number(),
});

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * The snapshot a stream sends first, and again after a resume, so a client never has to poll. `logId` names the
 * event log's current life; `resumeAfter` is where this stream's replay starts; `reset` says the client's
 * Last-Event-ID belonged to another life of the log (restored backup, new database). The three are optional so
 * a client still understands a portal from before they existed.
 */
export const snapshotSchema = z.object({
  games: z.array(gameViewSchema),
  lastEventId: z.number(),
  logId: z.string().optional(),
  resumeAfter: z.number().optional(),
  reset: z.boolean().optional(),
});

/** The last frame of a stream whose portal is shutting down: reconnect after `retryMs`. */
export const shutdownSchema = z.object({ retryMs: z.number(), message: z.string() });

/** The Discord user the bot acts for, sent by the bot with its token (header `X-Arcade-Acting-User`, base64url JSON). */
export const actingUserSchema = z.object({
  id: z.string().regex(/^\d{17,20}$/),
  name: z.string().min(1).max(100),
  avatarUrl: z.string().url().nullable().optional(),
  roles: z.array(z.string().regex(/^\d{17,20}$/)).max(250),
  isGuildOwner: z.boolean(),
});
export type ActingUser = z.infer<typeof actingUserSchema>;
export const ACTING_USER_HEADER = "x-arcade-acting-user";

/** `GET /api/v1/games/{id}/metrics?window=hour|day`: rrddata columns, finished steps only, null = no data. */
export const metricsQuerySchema = z.object({
  window: z.enum(["hour", "day"], { error: "window must be hour or day" }).default("hour"),
});
export const metricSeriesSchema = z.object({
  stepSec: z.number(),
  time: z.array(z.number()),
  cpu: z.array(z.number().nullable()),
  memBytes: z.array(z.number().nullable()),
  maxMemBytes: z.number().nullable(),
  netInBps: z.array(z.number().nullable()),
  netOutBps: z.array(z.number().nullable()),
});
export const metricsResponseSchema = z.object({ window: z.enum(["hour", "day"]), series: metricSeriesSchema });
export type MetricsResponse = z.infer<typeof metricsResponseSchema>;

/** `GET /api/v1/nodes` (admins): one entry per Proxmox node. */
export const nodeSummarySchema = z.object({
  node: z.string(),
  status: z.enum(["online", "offline", "unknown"]),
  load: z.object({ cpu: z.number(), cpus: z.number(), memBytes: z.number(), maxMemBytes: z.number(), uptimeSec: z.number() }).nullable(),
  loadAvg: z.array(z.number()).nullable(),
  pveVersion: z.string().nullable(),
  cpuModel: z.string().nullable(),
  /** Names of the catalogue's games whose CT is on this node. */
  games: z.array(z.string()),
  /** Why figures are missing, in words; null when all is there. */
  note: z.string().nullable(),
});
export type NodeSummary = z.infer<typeof nodeSummarySchema>;
export const nodesResponseSchema = z.object({ nodes: z.array(nodeSummarySchema) });
