import type { CtRecord } from "./world";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
export const ROOTFS_BYTES = 8 * GiB;
export const SWAP_MiB = 512;

export type Measurement = {
  uptime: number;
  cpu: number;
  mem: number;
  maxmem: number;
  swap: number;
  maxswap: number;
  disk: number;
  maxdisk: number;
  netin: number;
  netout: number;
  diskread: number;
  diskwrite: number;
};

/** A smooth, deterministic wobble in [0, 1] so numbers look alive without being random in tests. */
export function wobble(seed: number, t: number): number {
  return (Math.sin(seed * 12.9898 + t / 7_000) * Math.cos(seed * 4.1414 + t / 17_000) + 1) / 2;
}

/** Live guest counters as vmstatus reads them from cgroups and /proc; zeros while stopped. */
export function measureContainer(ct: CtRecord, now = Date.now()): Measurement {
  const maxmem = ct.memoryMiB * MiB;
  const base = { maxmem, maxswap: SWAP_MiB * MiB, maxdisk: ROOTFS_BYTES };
  if (ct.status !== "running" || ct.startedAtMs === undefined) {
    return { ...base, uptime: 0, cpu: 0, mem: 0, swap: 0, disk: 0, netin: 0, netout: 0, diskread: 0, diskwrite: 0 };
  }
  const uptime = Math.max(0, Math.floor((now - ct.startedAtMs) / 1000));
  const w = wobble(ct.vmid, now);
  return {
    ...base,
    uptime,
    cpu: Number((0.002 + 0.04 * w / ct.cores).toFixed(6)),
    mem: Math.round(maxmem * (0.12 + 0.08 * w)),
    swap: 0,
    disk: GiB + (ct.vmid % 17) * 37 * MiB,
    netin: 40_000 + uptime * 1_900 + Math.round(w * 5_000),
    netout: 12_000 + uptime * 950 + Math.round(w * 2_000),
    diskread: 48 * MiB + uptime * 1_024,
    diskwrite: 2 * MiB + uptime * 512,
  };
}

const PRESSURE_FIELDS = ["pressurecpusome", "pressurecpufull", "pressureiosome", "pressureiofull", "pressurememorysome", "pressurememoryfull"];

/** The PSI avg10 fields PVE 9 adds for running guests. */
export function pressureFields(ct: CtRecord, now = Date.now()): Record<string, number> {
  const w = wobble(ct.vmid + 1, now);
  return Object.fromEntries(PRESSURE_FIELDS.map((name, i) => [name, i === 0 ? Number((w * 0.5).toFixed(2)) : 0]));
}
