import type { Caller } from "../api/authenticate-bearer";
import { toScoreEntry } from "../api/score-view";
import { assertCan, toActorRef } from "../authz";
import { ArcadeError } from "../errors";
import { getGameOrThrow } from "../games";
import type { ControlPlane } from "./create-control-plane";

/** Admins: removes one run (a cheat, a test), records who did it in the audit, and pushes the board again. */
export function deleteScore(cp: ControlPlane, gameId: string, scoreId: number, caller: Caller): void {
  const game = getGameOrThrow(cp.catalogue, gameId);
  assertCan(caller.actor, "scores:delete", cp.authz);
  const target = cp.scores.get(scoreId);
  const wasRecord = target !== null && cp.scores.best(game.id, target.mode)?.id === target.id;
  const removed = target && cp.scores.delete(game.id, scoreId);
  if (!removed) throw new ArcadeError("not_found:score", `${game.name} has no score ${scoreId}; it may have been deleted already.`);
  cp.events.append({
    type: "score.deleted",
    gameId: game.id,
    gameName: game.name,
    actor: toActorRef(caller.actor),
    source: caller.source,
    result: "ok",
    detail: { scoreId: removed.id, score: removed.score, mode: removed.mode, player: { name: removed.name }, previous: null },
  });
  const board = cp.scores.board(game.id, removed.mode);
  const everyone = { secret: cp.env.auth.secret, revealIds: false };
  cp.hub.publishScores(
    { gameId: game.id, mode: board.mode, change: "deleted", entry: null, top: board.top.map((s) => toScoreEntry(s, everyone)), players: board.players },
    wasRecord,
  );
}
