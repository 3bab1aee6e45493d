import type { ActorRef, Source } from "../authz";

export const eventTypes = [
  "game.starting",
  "game.ready",
  "game.failed",
  "game.stopping",
  "game.stopped",
  "game.rebooting",
  "game.started_externally",
  "game.stopped_externally",
  "game.unknown",
  "game.settings_changed",
  "score.record",
  "score.deleted",
  "game.shutdown_scheduled",
  "game.shutdown_cancelled",
  "proxmox.unreachable",
  "proxmox.reachable",
] as const;

export type EventType = (typeof eventTypes)[number];

/** One line of the append-only log: feeds the audit page, the SSE streams and Discord notifications. */
export type ArcadeEvent = {
  id: number;
  at: string;
  type: EventType;
  gameId: string | null;
  vmid: number | null;
  node: string | null;
  actor: ActorRef;
  source: Source;
  upid: string | null;
  result: "ok" | "error" | null;
  /** How long it took; for game.shutdown_scheduled, the notice given to the players before the shutdown begins. */
  durationMs: number | null;
  /** The game's state after this event. */
  state: string | null;
  reason: string | null;
  /** A sentence for people: "Alex started Snake from Discord". */
  message: string;
  /** Facts that belong to the event itself (scores), so a notification posted later says what was true then. */
  detail: ScoreEventDetail | null;
};

/** What a score event remembers: the score, its board, whose it was, and the record it beat. */
export type ScoreEventDetail = {
  scoreId: number;
  score: number;
  /** The game's board: null for the default one. */
  mode: string | null;
  player: { name: string };
  /** The record before this one (score.record only); samePlayer when they beat their own. */
  previous: { name: string; score: number; samePlayer: boolean } | null;
};

export type NewEvent = Omit<ArcadeEvent, "id" | "at" | "message" | "upid" | "result" | "durationMs" | "state" | "reason" | "vmid" | "node" | "gameId" | "detail"> &
  Partial<Pick<ArcadeEvent, "upid" | "result" | "durationMs" | "state" | "reason" | "vmid" | "node" | "gameId" | "detail">> & {
    /** Names the subject in the message; defaults to the game id. */
    gameName?: string;
    /** What the actor asked for, for stopping events: shutdown or stop. */
    action?: "shutdown" | "stop" | "reboot";
  };
