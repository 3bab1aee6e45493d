import type { CtStatus } from "../types";
import type { SimWorld } from "./world";

const OPERATOR = "root@pam";

/** A start or stop done in the Proxmox UI/CLI: immediate, and recorded as a finished task by root@pam. */
export function powerFromOutside(world: SimWorld, vmid: number, status: CtStatus): void {
  const ct = world.containerOrThrow(vmid);
  if (ct.status === status) return;
  const task = world.tasks.create(world.nodeOrThrow(ct.node), status === "running" ? "vzstart" : "vzstop", String(vmid), OPERATOR);
  world.setStatus(ct, status);
  world.tasks.finish(task);
  // For an HA-managed CT the operator goes through the HA stack (`ha-manager set`), which then agrees.
  if (ct.ha) ct.ha.requested = ct.ha.state = status === "running" ? "started" : "stopped";
}

/** `pct migrate` done by an operator: the CT's config moves to the other node (state kept), with a vzmigrate task. */
export function migrateFromOutside(world: SimWorld, vmid: number, target: string): void {
  const ct = world.containerOrThrow(vmid);
  world.nodeOrThrow(target);
  if (ct.node === target) return;
  const source = ct.node;
  const task = world.tasks.create(world.nodeOrThrow(source), "vzmigrate", String(vmid), OPERATOR);
  const stamp = (): string => new Date().toISOString().replace("T", " ").slice(0, 19);
  task.lines.push(
    `${stamp()} starting migration of CT ${vmid} to node '${target}'`,
    `${stamp()} volume 'local-lvm:vm-${vmid}-disk-0' is 'local-lvm:vm-${vmid}-disk-0' on the target`,
    `${stamp()} migration finished successfully (duration 00:00:01)`,
  );
  ct.node = target;
  world.tasks.finish(task);
}
