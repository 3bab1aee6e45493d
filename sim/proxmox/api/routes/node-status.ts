import { createHash } from "node:crypto";
import { NODE_PARAM, reply, type HandlerInput, type Route } from "../route-types";
import { nodeStats } from "./cluster";

const GiB = 1024 ** 3;

/** Nodes.pm `status`: read on the node itself from /proc (uptime, loadavg, cpuinfo, stat, meminfo) and df /. */
function nodeStatus(input: HandlerInput): Record<string, unknown> {
  const node = input.world.nodes.get(String(input.params.node))!;
  const stats = nodeStats(node);
  const mem = stats.mem!;
  const total = stats.maxmem!;
  const load = (stats.cpu! * stats.maxcpu!).toFixed(2);
  const repoid = createHash("sha1").update(input.traits.version).digest("hex").slice(0, 16);
  const memory: Record<string, number> = { total, used: mem, free: total - mem - 4 * GiB };
  // The available memory joined the reply in PVE 9 (pve-manager 8fd3420b).
  if (input.traits.pve9) memory.available = total - mem;
  return {
    uptime: stats.uptime,
    idle: 0,
    // read_loadavg returns the regex captures, so the JSON carries strings.
    loadavg: [load, load, load],
    kversion: "Linux 6.14.8-2-pve #1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2 (2025-07-22T10:04Z)",
    "current-kernel": { sysname: "Linux", release: "6.14.8-2-pve", version: "#1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2 (2025-07-22T10:04Z)", machine: "x86_64" },
    "boot-info": { mode: "efi", secureboot: 0 },
    cpuinfo: { user_hz: 100, vendor: "AuthenticAMD", family: "25", model: "AMD Ryzen 7 5700G with Radeon Graphics", mhz: "3800.000", cpus: stats.maxcpu, sockets: 1, cores: stats.maxcpu! / 2, hvm: "1", flags: "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov svm" },
    cpu: stats.cpu,
    wait: 0.0012,
    memory,
    ksm: { shared: 0 },
    swap: { free: 8 * GiB, total: 8 * GiB, used: 0 },
    pveversion: `pve-manager/${input.traits.version}/${repoid}`,
    rootfs: { total: stats.maxdisk, avail: stats.maxdisk! - stats.disk!, used: stats.disk, free: stats.maxdisk! - stats.disk! },
  };
}

export const nodeStatusRoutes: Route[] = [
  {
    method: "GET",
    path: "/nodes/{node}/status",
    permission: { path: "/nodes/{node}", privs: ["Sys.Audit"] },
    // proxyto => 'node': an offline node answers 595 before the handler runs.
    proxyToNode: true,
    params: { node: NODE_PARAM },
    handle: (input) => reply(nodeStatus(input)),
  },
];
