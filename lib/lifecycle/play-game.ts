import { toActorRef } from "../authz";
import { getGameOrThrow } from "../games";
import type { GameStatus } from "../status/types";
import type { LifecycleContext, Request } from "./context";
import { runBoot } from "./run-boot";

const bootKinds = new Set(["start", "adopt", "reboot"]);

/**
 * Play = "ensure ready": a ready game is returned as is, a boot in progress is joined, anything else starts the
 * CT once (after a stop in progress has finished). Returns at once; the boot goes on in the background.
 */
export function playGame(ctx: LifecycleContext, gameId: string, request: Request): GameStatus {
  const game = getGameOrThrow(ctx.catalogue, gameId);
  const op = ctx.ops.current(game.vmid);
  const status = ctx.board.get(game.id)!;
  if (op && bootKinds.has(op.kind)) return status;
  if (!op && status.state === "ready") return status;
  const actor = toActorRef(request.actor);
  ctx.ops.run(game.vmid, "start", (signal) => runBoot(ctx, { vmid: game.vmid, kind: "start", actor, source: request.source }, signal), "after");
  // Show "starting" right away, even while a stop in progress still has to finish.
  if (!op) ctx.board.update(game.id, { state: "starting", stage: "requested", reason: null, by: actor, opStartedAt: Date.now(), operation: "start" });
  return ctx.board.get(game.id)!;
}
