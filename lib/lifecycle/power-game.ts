import { toActorRef } from "../authz";
import { ArcadeError } from "../errors";
import { getGameOrThrow } from "../games";
import type { GameStatus } from "../status/types";
import type { LifecycleContext, Request } from "./context";
import { playGame } from "./play-game";
import { runBoot } from "./run-boot";
import { runStop } from "./run-stop";

export type PowerRequest = "start" | "shutdown" | "stop" | "reboot";

/**
 * The admin actions. Start is "ensure ready" like Play. Shutdown and stop take over from a boot in progress;
 * a stop also takes over from a slow shutdown. Reboot waits for whatever runs first.
 */
export function powerGame(ctx: LifecycleContext, gameId: string, action: PowerRequest, request: Request, reason?: string): GameStatus {
  const game = getGameOrThrow(ctx.catalogue, gameId);
  if (action === "start") return playGame(ctx, gameId, request);
  const status = ctx.board.get(game.id)!;
  const op = ctx.ops.current(game.vmid);
  const actor = toActorRef(request.actor);
  const vmid = game.vmid;

  if (action === "reboot") {
    if (!op && status.state === "stopped") {
      throw new ArcadeError("conflict:stopped", `${game.name} is stopped; start it instead of rebooting.`);
    }
    if (op?.kind === "reboot") return status;
    ctx.ops.run(vmid, "reboot", (signal) => runBoot(ctx, { vmid, kind: "reboot", actor, source: request.source }, signal), "after");
    return ctx.board.get(game.id)!;
  }

  if (op?.kind === action) return status;
  if (!op && status.state === "stopped") {
    throw new ArcadeError("conflict:stopped", `${game.name} is already stopped.`);
  }
  const takesOver = op !== undefined && (op.kind !== "shutdown" || action === "stop");
  ctx.ops.run(vmid, action, (signal) => runStop(ctx, { vmid, action, actor, source: request.source, reason }, signal), takesOver ? "replace" : "after");
  return ctx.board.get(game.id)!;
}
