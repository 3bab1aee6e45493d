"use client";

import type { NodeSummary as Node } from "@/lib/api/schemas";
import { formatBytes, formatCpu } from "@/lib/format/display";
import { formatUptime } from "@/lib/format/durations";
import { usePolledApi } from "@/components/live/use-polled-api";
import { panel } from "@/components/ui/styles";

// The portal caches node figures for 15 s; Proxmox's own /cluster/resources moves every 10 s.
const REFRESH_MS = 30_000;

const statusClasses: Record<Node["status"], string> = {
  online: "bg-emerald-400/15 text-emerald-200 ring-emerald-400/50",
  offline: "bg-rose-500/15 text-rose-200 ring-rose-500/50",
  unknown: "bg-slate-700/40 text-slate-200 ring-slate-400/50",
};
const statusWords: Record<Node["status"], string> = { online: "● Online", offline: "✕ Offline", unknown: "? Unknown" };

function Gauge({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  return (
    <div>
      <dt className="flex justify-between gap-2 text-zinc-300">
        <span>{label}</span>
        <span className="font-medium tabular-nums text-zinc-100">{text}</span>
      </dt>
      <dd>
        <meter aria-label={`${label}: ${text}`} min={0} max={max} value={value} className="mt-1 h-2 w-full" />
      </dd>
    </div>
  );
}

function NodeCard({ node }: { node: Node }) {
  const load = node.load;
  return (
    <li aria-labelledby={`node-${node.node}`} data-node={node.node} className={`${panel} flex flex-col gap-3 p-4`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`node-${node.node}`} className="font-bold">
          {node.node}
        </h3>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${statusClasses[node.status]}`}>{statusWords[node.status]}</span>
        {load && <span className="text-xs text-zinc-300">up {formatUptime(load.uptimeSec)}</span>}
      </div>
      {load && (
        <dl className="grid gap-2 text-xs">
          <Gauge label="CPU" value={load.cpu} max={1} text={`${formatCpu(load.cpu)} of ${load.cpus} threads`} />
          <Gauge label="Memory" value={load.memBytes} max={load.maxMemBytes} text={`${formatBytes(load.memBytes)} / ${formatBytes(load.maxMemBytes)}`} />
        </dl>
      )}
      <p className="text-xs text-zinc-300">
        {node.loadAvg && <>Load {node.loadAvg.map((v) => v.toFixed(2)).join(" · ")}. </>}
        {node.games.length > 0 ? `Games here: ${node.games.join(", ")}.` : "No games here."}
      </p>
      {node.note && <p className="text-xs text-amber-200">{node.note}</p>}
    </li>
  );
}

/** Every Proxmox node with whether it is online, its CPU and memory, refreshed every 30 s. */
export function NodeSummary() {
  const { data, problem } = usePolledApi<{ nodes: Node[] }>("/api/v1/nodes", REFRESH_MS);
  const nodes = data?.nodes ?? null;

  return (
    <div aria-busy={nodes === null && problem === null}>
      {problem && <p className="mb-2 text-sm text-rose-200">Node status unavailable: {problem}</p>}
      {nodes === null && !problem && <p className="text-sm text-zinc-300">Asking Proxmox…</p>}
      {nodes && (
        <ul aria-label="Proxmox nodes" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {nodes.map((node) => (
            <NodeCard key={node.node} node={node} />
          ))}
        </ul>
      )}
    </div>
  );
}
