"use client";

import "uplot/dist/uPlot.min.css";
import "./time-chart.css";
import { useEffect, useLayoutEffect, useRef } from "react";
import type uPlot from "uplot";
import { focusRing } from "@/components/ui/styles";

export type ChartLine = { label: string; values: Array<number | null>; color: string; dash?: number[] };

type Props = {
  /** Names the chart for assistive technology: "CPU of Snake, last hour". */
  label: string;
  time: number[];
  lines: ChartLine[];
  /** Axis ticks and hover values in the chart's unit. */
  format: (value: number) => string;
  /** The value axis never ends below this, so a near-idle CT does not look busy. */
  minTop: number;
};

const HEIGHT = 130;
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
const AXIS = { stroke: "#d4d4d8", font: "11px ui-sans-serif, system-ui, sans-serif", grid: { stroke: "rgb(255 255 255 / 0.08)", width: 1 }, ticks: { stroke: "rgb(255 255 255 / 0.2)", width: 1 } };

function latest(values: Array<number | null>): number | null {
  return values.findLast((v) => v !== null) ?? null;
}

function describeAt(time: number[], lines: ChartLine[], idx: number, format: Props["format"]): string {
  const values = lines.map((line) => `${line.label} ${line.values[idx] == null ? "no data" : format(line.values[idx]!)}`);
  return `${timeFormat.format(new Date(time[idx]! * 1000))}: ${values.join(", ")}`;
}

/**
 * A time series drawn by uPlot (loaded on first use, so only the admin page pays for it), with axes, a legend that
 * shows the values under the pointer, and arrow keys that move the same cursor for keyboard users.
 */
export function TimeChart({ label, time, lines, format, minTop }: Props) {
  const plotRef = useRef<HTMLDivElement>(null);
  const legendRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  // The newest data, read by the chart's callbacks: a refresh (every minute) updates the chart in place, so the
  // cursor a reader put somewhere (by pointer or keyboard) stays where it is.
  const dataRef = useRef({ time, lines });
  useLayoutEffect(() => {
    dataRef.current = { time, lines };
  }, [time, lines]);
  const hasData = time.length > 0;
  const lineCount = lines.length;

  useEffect(() => {
    const host = plotRef.current;
    const legendHost = legendRef.current;
    if (!host || !legendHost || !hasData) return;
    let chart: uPlot | undefined;
    let cancelled = false;
    const resize = new ResizeObserver(() => chart?.setSize({ width: host.clientWidth, height: HEIGHT }));
    const setIndex = (idx: number | null | undefined) => {
      const { time: t, lines: l } = dataRef.current;
      const at = Math.min(idx ?? t.length - 1, t.length - 1);
      host.setAttribute("aria-valuenow", String(at));
      host.setAttribute("aria-valuetext", describeAt(t, l, at, format));
    };
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const { time: t, lines: l } = dataRef.current;
      const options: uPlot.Options = {
        width: host.clientWidth,
        height: HEIGHT,
        padding: [8, 20, 0, 0],
        legend: { mount: (_self, el) => legendHost.replaceChildren(el) },
        cursor: { drag: { x: false, y: false }, points: { size: 6 } },
        scales: { y: { range: (_u, _min, max) => [0, Math.max(minTop, max * 1.1)] } },
        axes: [
          { ...AXIS, values: (_u, splits) => splits.map((s) => timeFormat.format(new Date(s * 1000))) },
          { ...AXIS, size: 64, values: (_u, splits) => splits.map(format) },
        ],
        series: [
          // Away from the pointer the legend shows the newest finished step rather than dashes.
          {
            label: "Time",
            value: (_u, v, _s, idx) => `${timeFormat.format(new Date((idx === null ? dataRef.current.time.at(-1)! : v) * 1000))}${idx === null ? " (latest)" : ""}`,
          },
          ...l.map((line, i) => ({
            label: line.label,
            stroke: line.color,
            width: 1.5,
            dash: line.dash,
            points: { show: false },
            value: (_u: uPlot, v: number | null, _s: number, idx: number | null) => {
              const shown = idx === null ? latest(dataRef.current.lines[i]?.values ?? []) : v;
              return shown == null ? "no data" : format(shown);
            },
          })),
        ],
        hooks: { setCursor: [(u) => setIndex(u.cursor.idx)] },
      };
      chart = new UPlot(options, [t, ...l.map((line) => line.values)] as uPlot.AlignedData, host);
      chartRef.current = chart;
      chart.root.querySelector("canvas")?.setAttribute("aria-hidden", "true");
      setIndex(null);
      resize.observe(host);
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      chart?.destroy();
      chartRef.current = null;
    };
  }, [hasData, lineCount, format, minTop]);

  useEffect(() => {
    chartRef.current?.setData([time, ...lines.map((line) => line.values)] as uPlot.AlignedData);
  }, [time, lines]);

  // Arrow keys walk the cursor from point to point, as the pointer does; Home/End jump to the ends.
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const chart = chartRef.current;
    const keys: Record<string, (idx: number) => number> = { ArrowLeft: (i) => i - 1, ArrowRight: (i) => i + 1, Home: () => 0, End: () => time.length - 1 };
    const move = keys[event.key];
    if (!chart || !move) return;
    event.preventDefault();
    const next = Math.min(time.length - 1, Math.max(0, move(chart.cursor.idx ?? time.length - 1)));
    const value = lines[0]?.values[next];
    chart.setCursor({ left: chart.valToPos(time[next]!, "x"), top: value == null ? 0 : chart.valToPos(value, "y") });
  };

  if (time.length === 0) return <p className="py-6 text-sm text-zinc-300">No finished minute to show yet.</p>;
  return (
    <div>
      <div
        ref={plotRef}
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={time.length - 1}
        aria-valuenow={time.length - 1}
        onKeyDown={onKeyDown}
        className={`time-chart rounded-md ${focusRing}`}
        style={{ minHeight: HEIGHT }}
      />
      <div ref={legendRef} className="time-chart-legend" />
    </div>
  );
}
