import type { ScoreBoards } from "@/lib/api/score-schemas";
import type { WeeklyAt } from "@/lib/env";
import type { MessagePayload } from "../format/payload";
import { renderWeeklyDigest, type WeeksBest } from "../format/digest-embed";
import type { Logger } from "../log";
import { latestSlot, nextSlot, weekBefore } from "./digest-schedule";

export type DigestPorts = {
  /** The games to report on, or null while the bot does not know the catalogue yet (stream not connected). */
  games(): Array<{ id: string; name: string }> | null;
  scores(gameId: string, week: { since: Date; until: Date }): Promise<ScoreBoards>;
  post(payload: MessagePayload, nonce: string): Promise<void>;
  /** The last slot dealt with (ISO), kept in BOT_STATE_FILE so a restart neither repeats nor backfills. */
  lastSlot(): string | null;
  saveLastSlot(iso: string): void;
  log: Logger;
  now?: () => Date;
};

/** A digest more than this late (the bot was down at the time) is skipped: old news in the channel helps nobody. */
export const LATE_LIMIT_MS = 24 * 3600_000;
const RECHECK_MS = 60_000;

/**
 * One look at the clock: posts the digest that is due (the week's best score of every game and board), exactly
 * once: the slot is saved only after the post went out, and the post carries a nonce. The first look only
 * remembers the current slot (no digest for a week the bot did not watch). Resolves with the wait until the
 * next look.
 */
export function createDigestCheck(ports: DigestPorts, at: WeeklyAt): () => Promise<number> {
  const now = ports.now ?? (() => new Date());

  async function post(slot: Date, games: Array<{ id: string; name: string }>): Promise<void> {
    const week = weekBefore(slot);
    const bests: WeeksBest[] = [];
    for (const game of games) {
      const { boards } = await ports.scores(game.id, week);
      for (const board of boards) if (board.top[0]) bests.push({ game, mode: board.mode, best: board.top[0] });
    }
    const payload = renderWeeklyDigest(bests, week);
    if (payload) await ports.post(payload, `digest-${Math.floor(slot.getTime() / 1000).toString(36)}`);
    else ports.log.info("weekly digest: nobody scored this week, nothing posted");
  }

  return async () => {
    const current = now();
    const slot = latestSlot(current, at);
    const last = ports.lastSlot();
    const untilNext = () => nextSlot(current, at).getTime() - current.getTime();
    if (last !== null && Date.parse(last) >= slot.getTime()) return untilNext();
    if (last === null) {
      ports.saveLastSlot(slot.toISOString());
    } else if (current.getTime() - slot.getTime() > LATE_LIMIT_MS) {
      ports.log.warn(`weekly digest of ${slot.toISOString()} skipped: the bot was not running then`);
      ports.saveLastSlot(slot.toISOString());
    } else {
      const games = ports.games();
      if (games === null) return RECHECK_MS;
      await post(slot, games);
      ports.saveLastSlot(slot.toISOString());
    }
    return untilNext();
  };
}

/** Runs the digest check now and then at each slot (and at least hourly, so a changed clock or zone is followed). */
export function startWeeklyDigest(ports: DigestPorts, at: WeeklyAt): { stop(): void } {
  const check = createDigestCheck(ports, at);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(run, Math.min(ms, 3600_000));
    timer.unref?.();
  };
  function run(): void {
    check().then(schedule, (error: unknown) => {
      ports.log.warn("could not post the weekly digest; trying again in a minute", error);
      schedule(RECHECK_MS);
    });
  }
  run();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
