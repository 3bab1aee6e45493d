import type { MetricPoint } from "./types";

/** Chart-ready columns of a CT's rrddata: finished steps only, a missing value is null (a gap), never 0. */
export type MetricSeries = {
  /** Seconds between points: 60 for hour and day on PVE 9, 1800 for day on PVE 8 (pve2 archives). */
  stepSec: number;
  /** Unix seconds at the start of each step, oldest first. */
  time: number[];
  /** Fraction of the CT's own cores, 0..1 (Proxmox `cpu`). */
  cpu: Array<number | null>;
  memBytes: Array<number | null>;
  /** The CT's memory limit at the newest step that reports it. */
  maxMemBytes: number | null;
  /** Bytes per second, averaged over the step. */
  netInBps: Array<number | null>;
  netOutBps: Array<number | null>;
};

const VALUES = ["cpu", "memBytes", "netInBps", "netOutBps"] as const;

function hasValues(point: MetricPoint): boolean {
  return VALUES.some((key) => point[key] !== undefined && Number.isFinite(point[key]));
}

function usualStep(times: number[]): number {
  const gaps = times.slice(1).map((t, i) => t - times[i]!).filter((gap) => gap > 0);
  if (gaps.length === 0) return 60;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

function column(points: MetricPoint[], key: (typeof VALUES)[number]): Array<number | null> {
  return points.map((p) => {
    const value = p[key];
    return value === undefined || !Number.isFinite(value) ? null : value;
  });
}

/**
 * Turns rrddata points into series for the admin's charts. Proxmox labels each step by its start and fills it
 * as pvestatd reports (every 10 s), so the newest step is unfinished: it reads 0 or comes with `time` only
 * (pve-cluster dropped such a bucket itself only in 2025, fix #6615). Steps that have not ended by `now` and
 * trailing steps without data are left out; only steps inside the window are kept.
 */
export function shapeRrdSeries(points: MetricPoint[], options: { now: number; windowSec: number }): MetricSeries {
  const nowSec = options.now / 1000;
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const stepSec = usualStep(sorted.map((p) => p.time));
  const finished = sorted.filter((p) => p.time + stepSec <= nowSec && p.time >= nowSec - options.windowSec - stepSec);
  while (finished.length > 0 && !hasValues(finished.at(-1)!)) finished.pop();
  const maxMem = finished.findLast((p) => p.maxMemBytes !== undefined && p.maxMemBytes > 0)?.maxMemBytes ?? null;
  return {
    stepSec,
    time: finished.map((p) => p.time),
    cpu: column(finished, "cpu"),
    memBytes: column(finished, "memBytes"),
    maxMemBytes: maxMem,
    netInBps: column(finished, "netInBps"),
    netOutBps: column(finished, "netOutBps"),
  };
}
