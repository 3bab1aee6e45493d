"use client";

import { useMemo, useState } from "react";
import type { MetricsResponse } from "@/lib/api/schemas";
import { formatBytes, formatRate } from "@/lib/format/display";
import { usePolledApi } from "@/components/live/use-polled-api";
import { buttonStyles } from "@/components/ui/styles";
import { type ChartLine, TimeChart } from "./time-chart";

type Span = MetricsResponse["window"];
type Series = MetricsResponse["series"];

const SPANS: Array<{ id: Span; label: string; words: string }> = [
  { id: "hour", label: "Last hour", words: "last hour" },
  { id: "day", label: "Last day", words: "last day" },
];
// rrddata gains a point a minute (hour and day on PVE 9); the portal caches 30 s, so this never adds Proxmox load.
const REFRESH_MS = 60_000;

const percent = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} %`;

function peak(values: Array<number | null>): number {
  return values.reduce<number>((max, v) => (v !== null && v > max ? v : max), 0);
}

function charts(series: Series) {
  const cpu: ChartLine[] = [{ label: "CPU", color: "#f0abfc", values: series.cpu.map((v) => (v === null ? null : v * 100)) }];
  const memory: ChartLine[] = [{ label: "Used", color: "#67e8f9", values: series.memBytes }];
  if (series.maxMemBytes) memory.push({ label: "Limit", color: "#a1a1aa", dash: [4, 4], values: series.time.map(() => series.maxMemBytes) });
  const network: ChartLine[] = [
    { label: "In", color: "#6ee7b7", values: series.netInBps },
    { label: "Out", color: "#fcd34d", values: series.netOutBps },
  ];
  return { cpu, memory, network };
}

/** CPU, memory and network of one game's CT over the last hour or day, from Proxmox rrddata. */
export function LoadCharts({ gameId, name, cores }: { gameId: string; name: string; cores: number | null }) {
  const [span, setSpan] = useState<Span>("hour");
  const { data, problem } = usePolledApi<MetricsResponse>(`/api/v1/games/${encodeURIComponent(gameId)}/metrics?window=${span}`, REFRESH_MS);
  const series = data?.series ?? null;
  const lines = useMemo(() => (series ? charts(series) : null), [series]);
  const words = SPANS.find((w) => w.id === span)!.words;
  const coreWords = cores ? ` of its ${cores} core${cores === 1 ? "" : "s"}` : "";

  return (
    <section aria-label={`Load of ${name}`} className="flex flex-col gap-3" aria-busy={series === null && problem === null}>
      <div role="group" aria-label={`Time span of ${name}'s charts`} className="flex gap-2">
        {SPANS.map((w) => (
          <button key={w.id} type="button" aria-pressed={w.id === span} onClick={() => setSpan(w.id)} className={`${w.id === span ? buttonStyles.secondary : buttonStyles.quiet} px-3 py-1 text-xs`}>
            {w.label}
          </button>
        ))}
      </div>
      {problem && <p className="text-sm text-rose-200">No charts: {problem}</p>}
      {series && lines && (
        <div className="grid gap-4 sm:grid-cols-1">
          <figure>
            <figcaption className="text-xs font-semibold text-zinc-200">
              CPU{coreWords} · peak {percent(peak(lines.cpu[0]!.values))}
            </figcaption>
            <TimeChart label={`CPU of ${name}, ${words}`} time={series.time} lines={lines.cpu} format={percent} minTop={5} />
          </figure>
          <figure>
            <figcaption className="text-xs font-semibold text-zinc-200">Memory · peak {formatBytes(peak(series.memBytes))}</figcaption>
            <TimeChart label={`Memory of ${name}, ${words}`} time={series.time} lines={lines.memory} format={formatBytes} minTop={64 * 1024 * 1024} />
          </figure>
          <figure>
            <figcaption className="text-xs font-semibold text-zinc-200">Network · peak in {formatRate(peak(series.netInBps))}, out {formatRate(peak(series.netOutBps))}</figcaption>
            <TimeChart label={`Network of ${name}, ${words}`} time={series.time} lines={lines.network} format={formatRate} minTop={1024} />
          </figure>
        </div>
      )}
    </section>
  );
}
