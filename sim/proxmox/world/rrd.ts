import type { VersionTraits } from "../version";
import { measureContainer, ROOTFS_BYTES, wobble } from "./metrics";
import type { CtRecord } from "./world";

export const TIMEFRAMES = ["hour", "day", "week", "month", "year"] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

// [step seconds, points]: PVE 9 `pve-vm-9.0` archives, and the 70-row `pve2` archives before it (pve-cluster RRD.pm).
const PVE9_ARCHIVES: Record<Timeframe, [number, number]> = { hour: [60, 60], day: [60, 1440], week: [1800, 336], month: [1800, 1440], year: [21600, 1440] };
const PVE2_ARCHIVES: Record<Timeframe, [number, number]> = { hour: [60, 70], day: [1800, 70], week: [10800, 70], month: [43200, 70], year: [604800, 70] };

function pointAt(ct: CtRecord, time: number, max: boolean, traits: VersionTraits): Record<string, number> {
  const startedAt = ct.startedAtMs === undefined ? Infinity : ct.startedAtMs / 1000;
  const running = ct.status === "running" && time >= startedAt;
  const maxmem = ct.memoryMiB * 1024 * 1024;
  const w = wobble(ct.vmid, time * 1000);
  const peak = max ? 1.35 : 1;
  const live = measureContainer(ct, time * 1000);
  const point: Record<string, number> = {
    time,
    maxcpu: ct.cores,
    maxmem,
    maxdisk: ROOTFS_BYTES,
    cpu: running ? Number(((0.002 + 0.04 * w / ct.cores) * peak).toFixed(6)) : 0,
    mem: running ? Math.round(maxmem * (0.12 + 0.08 * w) * peak) : 0,
    disk: running ? live.disk : 0,
    // RRD stores network and disk I/O as rates (bytes/s), averaged over the step.
    netin: running ? Number((1900 * (0.6 + w) * peak).toFixed(3)) : 0,
    netout: running ? Number((950 * (0.6 + w) * peak).toFixed(3)) : 0,
    diskread: running ? Number((1024 * w * peak).toFixed(3)) : 0,
    diskwrite: running ? Number((512 * (0.4 + w) * peak).toFixed(3)) : 0,
  };
  if (traits.pve9) {
    Object.assign(point, { memhost: 0, pressurecpusome: running ? Number((w * 0.5 * peak).toFixed(2)) : 0, pressurecpufull: 0, pressureiosome: 0, pressureiofull: 0, pressurememorysome: 0, pressurememoryfull: 0 });
  }
  return point;
}

/** Synthetic RRD points for a guest: running stretches have plausible values, the unfinished last step only `time`. */
export function rrdPoints(ct: CtRecord, timeframe: Timeframe, cf: "AVERAGE" | "MAX", traits: VersionTraits, now = Date.now()): Array<Record<string, number>> {
  const [step, count] = (traits.pve9 ? PVE9_ARCHIVES : PVE2_ARCHIVES)[timeframe];
  const last = Math.floor(now / 1000 / step) * step;
  const points: Array<Record<string, number>> = [];
  for (let i = count - 1; i >= 1; i--) points.push(pointAt(ct, last - i * step, cf === "MAX", traits));
  points.push({ time: last });
  return points;
}
