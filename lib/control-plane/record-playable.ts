import type { Caller } from "../api/authenticate-bearer";
import { playableBodySchema } from "../api/score-schemas";
import { assertCan } from "../authz";
import { getGameOrThrow } from "../games";
import type { ControlPlane } from "./create-control-plane";

/**
 * Stores one "press Play → the game said ready" time measured by a player's browser. It counts as cold when the
 * game became ready while that player waited (the container booted for them), warm when it was up already.
 */
export function recordPlayable(cp: ControlPlane, gameId: string, caller: Caller, body: unknown): void {
  const game = getGameOrThrow(cp.catalogue, gameId);
  assertCan(caller.actor, "games:play", cp.authz);
  const { ms } = playableBodySchema.parse(body);
  const now = Date.now();
  const status = cp.lifecycle.board.get(game.id);
  const cold = status?.state === "ready" && status.since > now - ms;
  cp.playable.add(game.id, ms, cold, now);
}
