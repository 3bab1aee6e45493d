import { measureContainer } from "./world/metrics";
import type { SimWorld } from "./world/world";

export type StateExtras = { url: string; apiDown: boolean; web: Record<number, unknown>; stats: unknown; access: unknown };

/** A JSON snapshot of everything the sim knows, for debugging and the /__sim/state endpoint. */
export function describeSim(world: SimWorld, extras: StateExtras): unknown {
  const tasks = world.tasks.count();
  return {
    url: extras.url,
    version: world.version,
    apiDown: extras.apiDown,
    timing: world.timing,
    nodes: [...world.nodes.values()].map((node) => ({ name: node.name, online: node.online })),
    containers: [...world.containers.values()].map((ct) => ({
      vmid: ct.vmid,
      node: ct.node,
      hostname: ct.hostname,
      status: ct.status,
      uptime: measureContainer(ct).uptime,
      lock: ct.lock ?? null,
      template: ct.template,
      tags: ct.tags ?? null,
      startFails: ct.startFails ?? null,
      ha: ct.ha ? { requested: ct.ha.requested, state: ct.ha.state } : null,
      web: extras.web[ct.vmid] ?? null,
    })),
    tasks: {
      ...tasks,
      recent: [...world.nodes.keys()]
        .flatMap((node) => world.tasks.list(node))
        .sort((a, b) => b.starttime - a.starttime)
        .slice(0, 20)
        .map((t) => ({ upid: t.upid, running: t.running, exitstatus: t.exitstatus ?? null })),
    },
    access: extras.access,
    stats: extras.stats,
  };
}
