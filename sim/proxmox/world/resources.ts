import type { VersionTraits } from "../version";
import { measureContainer } from "./metrics";
import type { CtRecord, SimWorld } from "./world";

type GuestRrd = Record<string, number | string> | "unknown";

/**
 * /cluster/resources reads guest stats from pvestatd's RRD broadcasts, one cycle every 10 s, so status and
 * counters lag status/current. This keeps the last broadcast per CT; node, lock and tags stay live (vmlist, config).
 */
export class ResourceBoard {
  private rrd = new Map<number, GuestRrd>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly world: SimWorld,
    private readonly traits: VersionTraits,
  ) {
    this.refresh();
    this.restart();
  }

  /** Restarts the pvestatd tick after a timing change. */
  restart(): void {
    this.world.cancel(this.timer);
    this.timer = undefined;
    const every = this.world.timing.resourcesRefreshMs;
    if (every <= 0) return;
    const tick = (): void => {
      this.refresh();
      this.timer = this.world.schedule(every, tick);
    };
    this.timer = this.world.schedule(every, tick);
  }

  private refresh(): void {
    const now = Date.now();
    this.rrd = new Map([...this.world.containers.values()].map((ct) => [ct.vmid, this.broadcastOf(ct, now)]));
  }

  private broadcastOf(ct: CtRecord, now: number): GuestRrd {
    if (!this.world.nodes.get(ct.node)?.online) return "unknown";
    const m = measureContainer(ct, now);
    return {
      status: ct.status,
      name: ct.hostname ?? `CT${ct.vmid}`,
      uptime: m.uptime,
      template: ct.template ? 1 : 0,
      maxcpu: ct.cores,
      cpu: m.cpu,
      maxmem: m.maxmem,
      mem: m.mem,
      maxdisk: m.maxdisk,
      disk: m.disk,
      netin: m.netin,
      netout: m.netout,
      diskread: m.diskread,
      diskwrite: m.diskwrite,
      ...(this.traits.pve9 ? { memhost: 0 } : {}),
    };
  }

  /** The guest entry of /cluster/resources (API2Tools extract_vm_stats); `hastate` for HA-managed CTs. */
  guestEntry(ct: CtRecord): Record<string, unknown> {
    const live = this.world.timing.resourcesRefreshMs <= 0;
    const rrd = live ? this.broadcastOf(ct, Date.now()) : (this.rrd.get(ct.vmid) ?? this.broadcastOf(ct, Date.now()));
    return {
      id: `lxc/${ct.vmid}`,
      type: "lxc",
      vmid: ct.vmid,
      node: ct.node,
      ...(rrd === "unknown" ? { status: "unknown" } : rrd),
      ...(ct.tags ? { tags: ct.tags } : {}),
      ...(ct.lock ? { lock: ct.lock } : {}),
      ...(ct.ha ? { hastate: ct.ha.state } : {}),
    };
  }
}
