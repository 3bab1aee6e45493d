import type { Caller } from "../api/authenticate-bearer";
import { getGameOrThrow } from "../games";
import type { GameStatus } from "../status/types";
import type { ControlPlane } from "./create-control-plane";

/** The notice players get before a shutdown when the admin does not say: a minute to finish the run. */
export const DEFAULT_SHUTDOWN_NOTICE_SEC = 60;

/**
 * An admin's Shut down, from the web, the API or the bot: after `delaySec` (announced to the players), or, when
 * not given, after DEFAULT_SHUTDOWN_NOTICE_SEC if anyone has a game on that CT open, and at once if nobody does.
 */
export function shutDownGame(cp: ControlPlane, gameId: string, delaySec: number | undefined, caller: Caller): GameStatus {
  const game = getGameOrThrow(cp.catalogue, gameId);
  const playing = cp.catalogue.games.filter((g) => g.vmid === game.vmid).some((g) => cp.presence.players(g.id).length > 0);
  const delay = delaySec ?? (playing ? DEFAULT_SHUTDOWN_NOTICE_SEC : 0);
  return cp.lifecycle.scheduleShutdown(game.id, delay, caller);
}
