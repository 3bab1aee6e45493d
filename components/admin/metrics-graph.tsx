"use client";

import { useEffect, useState } from "react";
import { formatBytes, formatCpu, sparklinePoints } from "@/lib/format/display";
import { callApi } from "@/components/live/api-call";

type Point = { time: number; cpu?: number; memBytes?: number; maxMemBytes?: number };

// rrddata has one point a minute; asking more often only reads the portal's 30 s cache.
const REFRESH_MS = 60_000;
const W = 120;
const H = 28;

function Sparkline({ label, values, max, stroke }: { label: string; values: number[]; max?: number; stroke: string }) {
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} width={W} height={H} className="overflow-visible">
      <line x1="0" y1={H} x2={W} y2={H} className="stroke-white/15" strokeWidth="1" />
      {values.length > 0 && <polyline points={sparklinePoints(values, W, H, max)} fill="none" stroke={stroke} strokeWidth="1.5" strokeLinejoin="round" />}
    </svg>
  );
}

/** CPU and memory of the last hour (Proxmox rrddata) as two small inline graphs, refreshed every minute. */
export function MetricsGraph({ gameId, name }: { gameId: string; name: string }) {
  const [points, setPoints] = useState<Point[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const load = async () => {
      const result = await callApi<{ points: Point[] }>(`/api/v1/games/${encodeURIComponent(gameId)}/metrics`);
      if (!alive) return;
      if (result.ok) {
        setPoints(result.body.points);
        setProblem(null);
      } else setProblem(result.message);
    };
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [gameId]);

  if (problem && !points) return <p className="h-[52px] text-xs text-zinc-500">No graph: {problem}</p>;
  const cpu = (points ?? []).map((p) => p.cpu ?? 0);
  const mem = (points ?? []).map((p) => p.memBytes ?? 0);
  const maxMem = points?.findLast((p) => p.maxMemBytes)?.maxMemBytes;
  const peakCpu = cpu.length ? Math.max(...cpu) : 0;
  const peakMem = mem.length ? Math.max(...mem) : 0;
  return (
    <div className="flex flex-wrap gap-4 text-xs text-zinc-400" aria-busy={points === null}>
      <figure className="flex flex-col gap-1">
        <Sparkline label={`CPU of ${name} over the last hour, peak ${formatCpu(peakCpu)}`} values={cpu} max={Math.max(0.05, peakCpu)} stroke="#e879f9" />
        <figcaption>CPU, 1 h · peak {formatCpu(peakCpu)}</figcaption>
      </figure>
      <figure className="flex flex-col gap-1">
        <Sparkline label={`Memory of ${name} over the last hour, peak ${formatBytes(peakMem)}`} values={mem} max={maxMem} stroke="#67e8f9" />
        <figcaption>Memory, 1 h · peak {formatBytes(peakMem)}</figcaption>
      </figure>
    </div>
  );
}
