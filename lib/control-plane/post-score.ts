import type { Caller } from "../api/authenticate-bearer";
import type { PostedScore } from "../api/score-schemas";
import { toBoardView, toScoreEntry, type ScoreViewer } from "../api/score-view";
import { assertCan, can, toActorRef } from "../authz";
import { ArcadeError } from "../errors";
import { getGameOrThrow } from "../games";
import { judgeScore, scoreBodySchema, SCORE_INTERVAL_MS, type ScoreVerdict } from "../scores";
import type { ControlPlane } from "./create-control-plane";

/** How a caller sees leaderboards: everyone gets opaque keys; Discord ids only those who may read the audit. */
export function scoreViewer(cp: ControlPlane, caller: Caller): ScoreViewer {
  const selfId = caller.actor.kind === "user" ? caller.actor.discordId : null;
  return { secret: cp.env.auth.secret, revealIds: can(caller.actor, "audit:view", cp.authz), selfId };
}

/**
 * Stores a finished run for the player who is asking (never anyone the body names), judges it against their best
 * and the board's record, records a new record as an event (the bot announces those), and pushes the board to
 * every open page.
 */
export function postScore(cp: ControlPlane, gameId: string, caller: Caller, body: unknown, now = Date.now()): PostedScore {
  const game = getGameOrThrow(cp.catalogue, gameId);
  assertCan(caller.actor, "games:play", cp.authz);
  const actor = caller.actor;
  if (actor.kind !== "user") {
    throw new ArcadeError("bad_request:player", "A score belongs to a player: send it from a signed-in browser, or with the acting-user header of a Discord member.");
  }
  const input = scoreBodySchema(game.maxScore).parse(body);
  let verdict: ScoreVerdict = { personalBest: false, record: false };
  const result = cp.scores.add(
    { gameId: game.id, player: { id: actor.discordId, name: actor.name, avatarUrl: actor.avatarUrl }, mode: input.mode, score: input.score, source: caller.source, now },
    ({ score, previousBest, previousRecord }) => {
      verdict = judgeScore(score.score, previousBest, previousRecord?.score ?? null);
      if (!verdict.record) return;
      cp.events.append({
        type: "score.record",
        gameId: game.id,
        gameName: game.name,
        actor: toActorRef(actor),
        source: caller.source,
        result: "ok",
        detail: {
          scoreId: score.id,
          score: score.score,
          mode: score.mode,
          player: { name: actor.name },
          previous: previousRecord && { name: previousRecord.name, score: previousRecord.score, samePlayer: previousRecord.playerId === actor.discordId },
        },
      });
    },
  );
  if (result.kind === "too_soon") {
    const wait = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    throw new ArcadeError(
      "rate_limited:score",
      `${game.name} keeps at most one score per player every ${SCORE_INTERVAL_MS / 1000} s, and your last one came ${(result.sinceLastMs / 1000).toFixed(1)} s ago: send this one again in ${wait} s.`,
      { retryAfterSec: wait },
    );
  }
  if (result.kind === "too_many_modes") {
    throw new ArcadeError("conflict:modes", `${game.name} already has ${result.modes} score boards (modes), the most a game may have: send the score without a mode or with one it used before.`);
  }
  const board = cp.scores.board(game.id, result.score.mode, { playerId: actor.discordId });
  const rank = board.mine?.id === result.score.id ? board.mine.rank : null;
  const own = scoreViewer(cp, caller);
  const everyone: ScoreViewer = { secret: cp.env.auth.secret, revealIds: false };
  const push = { gameId: game.id, mode: board.mode, change: "posted" as const, entry: toScoreEntry({ ...result.score, rank }, everyone) };
  cp.hub.publishScores({ ...push, top: board.top.map((s) => toScoreEntry(s, everyone)), players: board.players }, verdict.record);
  return { score: toScoreEntry({ ...result.score, rank }, own), ...verdict, previousBest: result.previousBest, board: toBoardView(board, own) };
}
