import { bootGuest, checkLock, shutdownGuest } from "./guest";
import type { PowerCall } from "./power";
import { forkWorker, pause, withConfigLock } from "./workers";
import type { CtRecord, SimWorld } from "./world";

// `ha-manager set` / `crm-command` only write a request and return; the task that runs them is over quickly.
const HA_COMMAND_MS = 100;
const HA_AGENT = "root@pam";

type HaRequest = { want: "started" } | { want: "stopped"; timeoutSec: number };

/**
 * The HA stack acting on a request, `haDelayMs` later (CRM and LRM work in rounds of up to 10 s): the manager
 * changes the service state and the LRM on the CT's node runs the real vzstart / vzshutdown / vzstop task as the
 * HA resource agent (root@pam).
 */
function actLater(world: SimWorld, ct: CtRecord, request: HaRequest): void {
  const ha = ct.ha!;
  world.cancel(ha.pending);
  ha.pending = world.schedule(world.timing.haDelayMs, () => {
    ha.pending = undefined;
    if (request.want === "started") {
      ha.state = "started";
      if (ct.status === "running") return;
      forkWorker(world, ct.node, "vzstart", String(ct.vmid), HA_AGENT, (task) =>
        withConfigLock(world, ct.vmid, async () => {
          task.lines.push("task started by HA resource agent");
          checkLock(ct);
          await bootGuest(world, task, ct).catch((error: unknown) => {
            ha.state = "error";
            throw error;
          });
        }),
      );
      return;
    }
    ha.state = ct.status === "running" ? "request_stop" : "stopped";
    if (ct.status !== "running") return;
    // PVECT.pm shutdown: a timeout of 0 is a hard stop, otherwise a shutdown that kills after the timeout.
    const type = request.timeoutSec === 0 ? "vzstop" : "vzshutdown";
    forkWorker(world, ct.node, type, String(ct.vmid), HA_AGENT, async (task) => {
      task.lines.push("task started by HA resource agent");
      checkLock(ct);
      if (request.timeoutSec === 0) {
        await pause(world, task, world.timing.stopMs);
        world.setStatus(ct, "stopped");
      } else {
        await shutdownGuest(world, task, ct, { timeoutSec: request.timeoutSec, forceStop: true });
      }
      ha.state = "stopped";
    });
  });
}

function requestHa(world: SimWorld, call: PowerCall, request: HaRequest): string {
  const ct = world.containerOrThrow(call.vmid);
  const [type, verb] = request.want === "started" ? ["hastart", "start"] : ["hastop", "stop"];
  return forkWorker(world, call.node, type, String(call.vmid), call.user, async (task) => {
    task.lines.push(`Requesting HA ${verb} for CT ${call.vmid}`);
    await pause(world, task, HA_COMMAND_MS);
    ct.ha!.requested = request.want;
    actLater(world, ct, request);
  });
}

/** POST status/start on an HA-managed CT: an hastart task running `ha-manager set ct:<vmid> --state started` (Status.pm). */
export function requestHaStart(world: SimWorld, call: PowerCall): string {
  return requestHa(world, call, { want: "started" });
}

/** POST status/stop (timeout 0) or shutdown on an HA-managed CT: an hastop task running `ha-manager crm-command stop`. */
export function requestHaStop(world: SimWorld, call: PowerCall, timeoutSec: number): string {
  return requestHa(world, call, { want: "stopped", timeoutSec });
}
