import { configMissingMessage, PveError } from "../errors";
import { bootGuest, checkLock, shutdownGuest } from "./guest";
import { requestHaStart, requestHaStop } from "./ha";
import { forkWorker, pause, TaskFailure, withConfigLock } from "./workers";
import type { CtRecord, SimWorld } from "./world";

export type PowerCall = { node: string; vmid: number; user: string };
export type StopOptions = { skiplock?: boolean; overruleShutdown?: boolean };
export type ShutdownOptions = { timeoutSec?: number; forceStop?: boolean };

function loadConfigOrFail(world: SimWorld, call: PowerCall): CtRecord {
  const ct = world.findOnNode(call.vmid, call.node);
  if (!ct) throw new TaskFailure(configMissingMessage(call.node, call.vmid));
  return ct;
}

/** check_running on the named node: a CT elsewhere (or missing) is "not running" here. */
function isRunningOn(world: SimWorld, call: PowerCall): boolean {
  return world.findOnNode(call.vmid, call.node)?.status === "running";
}

/** vm_is_ha_managed is cluster-wide: it does not care which node the request named. */
function haManaged(world: SimWorld, call: PowerCall): boolean {
  return world.containers.get(call.vmid)?.ha !== undefined;
}

/** POST status/start: 500 if already running, otherwise a vzstart task. */
export function startContainer(world: SimWorld, call: PowerCall, skiplock = false): string {
  if (isRunningOn(world, call)) throw new PveError(500, `CT ${call.vmid} already running`);
  if (haManaged(world, call)) return requestHaStart(world, call);
  return forkWorker(world, call.node, "vzstart", String(call.vmid), call.user, (task) =>
    withConfigLock(world, call.vmid, async () => {
      const ct = loadConfigOrFail(world, call);
      if (ct.template) throw new TaskFailure("you can't start a CT if it's a template");
      if (ct.lock !== "mounted") checkLock(ct, skiplock);
      // A second start queued behind the first finds it running (inference; see docs/sim-proxmox.md).
      if (ct.status === "running") throw new TaskFailure(`CT ${call.vmid} already running`);
      await bootGuest(world, task, ct);
    }),
  );
}

/** POST status/stop: a quick vzstop; optionally aborts running vzshutdown tasks first. */
export function stopContainer(world: SimWorld, call: PowerCall, options: StopOptions = {}): string {
  if (!isRunningOn(world, call)) throw new PveError(500, `CT ${call.vmid} not running`);
  if (haManaged(world, call)) return requestHaStop(world, call, 0);
  return forkWorker(world, call.node, "vzstop", String(call.vmid), call.user, async (task) => {
    const ct = loadConfigOrFail(world, call);
    checkLock(ct, options.skiplock);
    if (options.overruleShutdown) {
      const overruled = world.tasks.runningFor(call.vmid, "vzshutdown");
      for (const shutdown of overruled) world.tasks.finish(shutdown, "received interrupt");
      if (overruled.length > 0) task.lines.push(`overruled vzshutdown tasks: ${overruled.map((t) => t.upid).join(", ")}`);
    }
    await pause(world, task, world.timing.stopMs);
    world.setStatus(ct, "stopped");
  });
}

/** POST status/shutdown: the guest needs guestShutdownMs; past `timeout` it fails, or is killed with forceStop. */
export function shutdownContainer(world: SimWorld, call: PowerCall, options: ShutdownOptions = {}): string {
  if (!isRunningOn(world, call)) throw new PveError(500, `CT ${call.vmid} not running`);
  if (haManaged(world, call)) return requestHaStop(world, call, options.timeoutSec ?? 60);
  return forkWorker(world, call.node, "vzshutdown", String(call.vmid), call.user, async (task) => {
    const ct = loadConfigOrFail(world, call);
    checkLock(ct);
    await shutdownGuest(world, task, ct, options);
  });
}

/** POST status/reboot: shutdown (killing after the timeout) followed by start, as one vzreboot task. */
export function rebootContainer(world: SimWorld, call: PowerCall, timeoutSec?: number): string {
  if (!isRunningOn(world, call)) throw new PveError(500, `VM ${call.vmid} not running`);
  return forkWorker(world, call.node, "vzreboot", String(call.vmid), call.user, (task) =>
    withConfigLock(world, call.vmid, async () => {
      const ct = loadConfigOrFail(world, call);
      checkLock(ct);
      await pause(world, task, Math.min(world.timing.guestShutdownMs, (timeoutSec ?? 60) * 1000));
      world.setStatus(ct, "stopped");
      await bootGuest(world, task, ct);
    }),
  );
}
