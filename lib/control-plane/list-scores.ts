import type { Caller } from "../api/authenticate-bearer";
import type { ScoreBoards } from "../api/score-schemas";
import { toBoardView } from "../api/score-view";
import { assertCan, can } from "../authz";
import { getGameOrThrow } from "../games";
import { playerKey, type BoardQuery } from "../scores";
import type { ControlPlane } from "./create-control-plane";
import { scoreViewer } from "./post-score";

/** A game's boards for one caller: top players per mode with names and dates, and the caller's own best on each. */
export function listScores(cp: ControlPlane, gameId: string, caller: Caller, query: Omit<BoardQuery, "playerId"> = {}): ScoreBoards {
  const game = getGameOrThrow(cp.catalogue, gameId);
  assertCan(caller.actor, "games:view", cp.authz);
  const playerId = caller.actor.kind === "user" ? caller.actor.discordId : null;
  const viewer = scoreViewer(cp, caller);
  return {
    gameId: game.id,
    you: caller.actor.kind === "user" ? { key: playerKey(cp.env.auth.secret, caller.actor.discordId), name: caller.actor.name } : null,
    canDelete: can(caller.actor, "scores:delete", cp.authz),
    boards: cp.scores.boards(game.id, { ...query, playerId }).map((board) => toBoardView(board, viewer)),
  };
}
