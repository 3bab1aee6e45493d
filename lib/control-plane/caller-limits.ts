import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Caller } from "../api/authenticate-bearer";
import { ArcadeError } from "../errors";

/** Plays and power actions per caller: a few a second (a double click, a page and the bot at once) is plenty. */
export const ACTION_LIMIT = { points: 4, durationSec: 1 };
/**
 * Presence heartbeats per player and game. The play page beats every 30 s (plus once when it becomes visible);
 * two per 15 s leaves room for that, and keeps a player list from being churned at request speed.
 */
export const BEAT_LIMIT = { points: 2, durationSec: 15 };
/**
 * Status lines ("Level 3") per player and game, which also count as a heartbeat. The page sends at most one a
 * second when the game's status changes; five per 5 s lets a quick run of levels through and no more.
 */
export const STATUS_LIMIT = { points: 5, durationSec: 5 };

/** The key a caller is counted under: the Discord user (web session or the bot acting for one); null is exempt. */
function callerKey(caller: Caller): string | null {
  // The bare API token is the admin's own automation: it is not a person who can be spammed from the outside.
  return caller.actor.kind === "user" ? caller.actor.discordId : null;
}

async function consumeOrThrow(limiter: RateLimiterMemory, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSec = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new ArcadeError("rate_limited:caller", `${message} Try again in ${retryAfterSec} s.`, { retryAfterSec });
  }
}

/** Per-caller rate limits of the portal's mutations; 429 with Retry-After when one is used up. */
export class CallerLimits {
  private readonly actions = new RateLimiterMemory({ points: ACTION_LIMIT.points, duration: ACTION_LIMIT.durationSec });
  private readonly beats = new RateLimiterMemory({ points: BEAT_LIMIT.points, duration: BEAT_LIMIT.durationSec });
  private readonly statuses = new RateLimiterMemory({ points: STATUS_LIMIT.points, duration: STATUS_LIMIT.durationSec });

  /** Counts a play or a power action. */
  async action(caller: Caller): Promise<void> {
    const key = callerKey(caller);
    if (key) await consumeOrThrow(this.actions, key, "Too many plays and power actions at once.");
  }

  /** Counts a presence heartbeat of one player in one game. */
  async beat(caller: Caller, gameId: string): Promise<void> {
    const key = callerKey(caller);
    if (key) await consumeOrThrow(this.beats, `${key}:${gameId}`, "Heartbeats come too often; the play page sends one every 30 s.");
  }

  /** Counts a status line of one player in one game (it carries a heartbeat with it). */
  async status(caller: Caller, gameId: string): Promise<void> {
    const key = callerKey(caller);
    if (key) await consumeOrThrow(this.statuses, `${key}:${gameId}`, "The game's status changes too often; the arcade shows at most one a second.");
  }
}
