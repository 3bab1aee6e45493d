import { describe, expect, it } from "vitest";
import { shapeRrdSeries, type MetricPoint } from "@/lib/proxmox";

const GiB = 1024 ** 3;
// 12:00:30 UTC on some day: the step that began at 12:00:00 is still open.
const NOW = Date.UTC(2026, 0, 15, 12, 0, 30);
const nowSec = NOW / 1000;
const stepStart = Math.floor(nowSec / 60) * 60;

function point(time: number, values: Partial<MetricPoint> = {}): MetricPoint {
  return { time, cpu: 0.02, memBytes: 0.2 * GiB, maxMemBytes: GiB, netInBps: 1500, netOutBps: 700, ...values };
}

function hourOfPoints(last: MetricPoint): MetricPoint[] {
  const points = Array.from({ length: 59 }, (_, i) => point(stepStart - (59 - i) * 60));
  return [...points, last];
}

describe("shapeRrdSeries", () => {
  it("leaves out the unfinished minute that rrddata sends with its time only", () => {
    const series = shapeRrdSeries(hourOfPoints({ time: stepStart } as MetricPoint), { now: NOW, windowSec: 3600 });
    expect(series.time).toHaveLength(59);
    expect(series.time.at(-1)).toBe(stepStart - 60);
    expect(series.cpu.every((v) => v === 0.02)).toBe(true);
    expect(series.stepSec).toBe(60);
  });

  it("leaves out the open minute even when it reads 0 rather than nothing", () => {
    const series = shapeRrdSeries(hourOfPoints(point(stepStart, { cpu: 0, memBytes: 0, netInBps: 0, netOutBps: 0 })), { now: NOW, windowSec: 3600 });
    expect(series.time.at(-1)).toBe(stepStart - 60);
    expect(series.cpu).not.toContain(0);
    expect(series.memBytes).not.toContain(0);
  });

  it("drops trailing steps without data and keeps a missing value in the middle as a gap, not a 0", () => {
    const points = hourOfPoints({ time: stepStart } as MetricPoint);
    points[30] = { time: points[30]!.time } as MetricPoint;
    points[58] = { time: points[58]!.time } as MetricPoint;
    const series = shapeRrdSeries(points, { now: NOW, windowSec: 3600 });
    expect(series.time.at(-1)).toBe(stepStart - 120);
    expect(series.cpu[30]).toBeNull();
    expect(series.netInBps[30]).toBeNull();
    expect(series.memBytes.filter((v) => v === null)).toHaveLength(1);
  });

  it("keeps Proxmox's units: CPU as a fraction of the CT's cores, memory in bytes, network in bytes per second", () => {
    const last = point(stepStart - 60, { cpu: 0.125, memBytes: 300 * 1024 * 1024, maxMemBytes: 512 * 1024 * 1024, netInBps: 2048.5, netOutBps: 12.25 });
    const series = shapeRrdSeries([point(stepStart - 120), last, { time: stepStart } as MetricPoint], { now: NOW, windowSec: 3600 });
    expect(series).toMatchObject({ cpu: [0.02, 0.125], memBytes: [0.2 * GiB, 300 * 1024 * 1024], maxMemBytes: 512 * 1024 * 1024, netInBps: [1500, 2048.5], netOutBps: [700, 12.25] });
  });

  it("reads a PVE 8 day (70 half-hour steps) as the last 24 hours only", () => {
    const halfHour = Math.floor(nowSec / 1800) * 1800;
    const points = Array.from({ length: 70 }, (_, i) => point(halfHour - (69 - i) * 1800));
    const series = shapeRrdSeries(points, { now: NOW, windowSec: 86_400 });
    expect(series.stepSec).toBe(1800);
    expect(series.time.at(-1)).toBe(halfHour - 1800);
    expect(series.time[0]).toBeGreaterThanOrEqual(nowSec - 86_400 - 1800);
    expect(series.time.length).toBeLessThanOrEqual(49);
  });

  it("gives empty columns when Proxmox has no finished step yet", () => {
    const series = shapeRrdSeries([{ time: stepStart } as MetricPoint], { now: NOW, windowSec: 3600 });
    expect(series).toMatchObject({ time: [], cpu: [], memBytes: [], maxMemBytes: null });
  });
});
