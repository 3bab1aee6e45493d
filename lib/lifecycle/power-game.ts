import { toActorRef, type ActorRef, type Source } from "../authz";
import { ArcadeError } from "../errors";
import { getGameOrThrow, type Game } from "../games";
import type { GameStatus } from "../status/types";
import type { LifecycleContext, Request } from "./context";
import { playGame } from "./play-game";
import { runBoot } from "./run-boot";
import { runStop } from "./run-stop";
import { forgetScheduledShutdown } from "./shutdown-plan";

export type PowerRequest = "start" | "shutdown" | "stop" | "reboot";

/** Who an operation is recorded for: a person or token asking now, or the one who planned a shutdown. */
export type Requester = { actor: ActorRef; source: Source };

/**
 * The admin actions. Start is "ensure ready" like Play. Shutdown and stop take over from a boot in progress;
 * a stop also takes over from a slow shutdown. Reboot waits for whatever runs first.
 */
export function powerGame(ctx: LifecycleContext, gameId: string, action: PowerRequest, request: Request, reason?: string): GameStatus {
  const game = getGameOrThrow(ctx.catalogue, gameId);
  if (action === "start") return playGame(ctx, gameId, request);
  return powerContainer(ctx, game, action, { actor: toActorRef(request.actor), source: request.source }, reason);
}

/**
 * Shutdown, stop or reboot of a game's CT. Whatever is asked now replaces a shutdown planned for later: it is the
 * newer decision, and its own event is the record.
 */
export function powerContainer(ctx: LifecycleContext, game: Game, action: Exclude<PowerRequest, "start">, who: Requester, reason?: string): GameStatus {
  const status = ctx.board.get(game.id)!;
  const op = ctx.ops.current(game.vmid);
  const vmid = game.vmid;

  if (action === "reboot") {
    if (!op && status.state === "stopped") {
      throw new ArcadeError("conflict:stopped", `${game.name} is stopped; start it instead of rebooting.`);
    }
    forgetScheduledShutdown(ctx, vmid);
    if (op?.kind === "reboot") return ctx.board.get(game.id)!;
    ctx.ops.run(vmid, "reboot", (signal) => runBoot(ctx, { vmid, kind: "reboot", ...who }, signal), "after");
    return ctx.board.get(game.id)!;
  }

  if (op?.kind === action) return status;
  if (!op && status.state === "stopped") {
    throw new ArcadeError("conflict:stopped", `${game.name} is already stopped.`);
  }
  forgetScheduledShutdown(ctx, vmid);
  const takesOver = op !== undefined && (op.kind !== "shutdown" || action === "stop");
  ctx.ops.run(vmid, action, (signal) => runStop(ctx, { vmid, action, ...who, reason }, signal), takesOver ? "replace" : "after");
  return ctx.board.get(game.id)!;
}
