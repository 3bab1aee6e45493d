import type { LifecycleContext } from "./context";
import { gamesOn } from "./context";
import { runBoot } from "./run-boot";
import { runStop } from "./run-stop";

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
    if (op.action === "start" || op.action === "reboot") {
      ctx.ops.run(op.vmid, op.action, (signal) => runBoot(ctx, { ...base, kind: op.action as "start" | "reboot" }, signal));
    } else {
      ctx.ops.run(op.vmid, op.action, (signal) => runStop(ctx, { ...base, action: op.action as "shutdown" | "stop" }, signal));
    }
    resumed++;
  }
  return resumed;
}
