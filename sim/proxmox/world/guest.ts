import type { ShutdownOptions } from "./power";
import type { SimTask } from "./tasks";
import { pause, TaskFailure } from "./workers";
import type { CtRecord, SimWorld } from "./world";

/** The guest-side steps of the power tasks, shared by the API's workers and the HA resource agent. */

export function checkLock(ct: CtRecord, skiplock = false): void {
  if (ct.lock && !skiplock) throw new TaskFailure(`CT is locked (${ct.lock})`);
}

/** lxc-start until RUNNING (or the injected failure); shared by vzstart, vzreboot and the HA resource agent. */
export async function bootGuest(world: SimWorld, task: SimTask, ct: CtRecord): Promise<void> {
  await pause(world, task, world.timing.startMs);
  if (ct.startFails !== undefined) {
    if (ct.startFails.startsWith("startup for container")) {
      // What lxc-start prints before vm_start gives up (observed in real task logs).
      task.lines.push(
        "run_buffer: 571 Script exited with status 1",
        `lxc_init: 845 Failed to run lxc.hook.pre-start for container "${ct.vmid}"`,
        `__lxc_start: 2034 Failed to initialize container "${ct.vmid}"`,
      );
    }
    throw new TaskFailure(ct.startFails);
  }
  world.setStatus(ct, "running");
}

/** lxc-stop: a clean shutdown that needs guestShutdownMs; past `timeout` it fails, or kills with forceStop. */
export async function shutdownGuest(world: SimWorld, task: SimTask, ct: CtRecord, options: ShutdownOptions): Promise<void> {
  const limitMs = (options.timeoutSec ?? 60) * 1000;
  const needMs = world.timing.guestShutdownMs;
  await pause(world, task, Math.min(needMs, limitMs));
  if (needMs > limitMs && !options.forceStop && ct.status === "running") throw new TaskFailure("container did not stop");
  world.setStatus(ct, "stopped");
}
