import { isProxmoxError } from "../proxmox";
import type { LifecycleContext } from "./context";
import { gamesOn } from "./context";
import { transition } from "./record";
import { runBoot } from "./run-boot";
import { runStop } from "./run-stop";

/** Proxmox's answer for a UPID whose log is not on that node (400 `{"upid":"no such task"}`). */
function isUnknownTask(error: unknown): boolean {
  return isProxmoxError(error) && error.status === 400 && /no such task/i.test(error.fieldErrors?.upid ?? "");
}

/**
 * Whether the node still knows the task. It may not: the node rebooted, its task log was rotated, or (the demo) the
 * simulator restarted with the portal. Then there is nothing to resume; the CT's state is whatever the next poll says.
 */
async function taskIsKnown(ctx: LifecycleContext, node: string, upid: string): Promise<boolean> {
  try {
    await ctx.proxmox.getTaskStatus(node, upid);
    return true;
  } catch (error) {
    // Anything else (Proxmox unreachable, say) is for the resumed operation to wait out, as before.
    return !isUnknownTask(error);
  }
}

/**
 * After a restart, picks up the operations that were in flight: their Proxmox tasks kept running without us,
 * so we watch the same UPID instead of sending the action again.
 */
export function resumePendingOps(ctx: LifecycleContext): number {
  let resumed = 0;
  for (const op of ctx.pending.list()) {
    if (gamesOn(ctx, op.vmid).length === 0) {
      ctx.pending.remove(op.vmid);
      continue;
    }
    const resume = { node: op.node, upid: op.upid, startedAt: op.startedAt };
    const base = { vmid: op.vmid, actor: op.actor, source: op.source, resume };
    const games = gamesOn(ctx, op.vmid);
    // Shown at once, as the resumed operation itself would, while Proxmox is asked whether the task still exists.
    const resumedState = op.action === "start" || op.action === "reboot" ? "starting" : "stopping";
    for (const game of games) transition(ctx, game, { state: resumedState, stage: null, reason: null, by: op.actor, opStartedAt: op.startedAt, upid: op.upid });
    ctx.ops.run(op.vmid, op.action, async (signal) => {
      if (op.upid && !(await taskIsKnown(ctx, op.node, op.upid))) {
        ctx.pending.remove(op.vmid);
        // Not news (no event): the next poll shows the CT as it is, stopped or running (then adopted).
        for (const game of games) transition(ctx, game, { state: "unknown", stage: null, reason: null, by: null, opStartedAt: null, upid: null });
        return ctx.wake();
      }
      if (op.action === "start" || op.action === "reboot") await runBoot(ctx, { ...base, kind: op.action }, signal);
      else await runStop(ctx, { ...base, action: op.action }, signal);
    });
    resumed++;
  }
  return resumed;
}
