"use client";

import type { GameView } from "@/lib/api/schemas";
import { formatCpuShare, formatMemory, isCtUp, liveUptimeSec } from "@/lib/format/container-load";
import { formatUptime } from "@/lib/format/durations";
import { cardLine } from "@/components/games/card-words";
import { useLiveGame } from "@/components/live/use-live";
import { useNow } from "@/components/live/use-now";
import { PlayersLine } from "@/components/games/players-line";
import { TimeToPlayable } from "@/components/scores/time-to-playable";
import { StateBadge } from "@/components/ui/state-badge";
import type { PlayableSummary } from "@/lib/playable";
import { panel } from "@/components/ui/styles";
import { LoadCharts } from "./load-charts";
import { PowerActions } from "./power-actions";
import { type GameSettingsProps, SettingsForm } from "./settings-form";

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg bg-white/5 px-3 py-2">
      <dt className="text-zinc-400">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}

/** One game on the admin page: live state, where it runs, its load, power actions and settings. */
export function AdminGameRow({ initial, settings, playable }: { initial: GameView; settings: GameSettingsProps; playable: PlayableSummary }) {
  const { view, receivedAt } = useLiveGame(initial);
  const now = useNow(1000);
  const ct = isCtUp(view) ? view.ct : null;
  const uptime = liveUptimeSec(view, receivedAt, now);
  const hint = cardLine(view, now);

  return (
    <article aria-labelledby={`admin-${view.id}`} data-game={view.id} className={`${panel} flex flex-col gap-4 p-4 sm:p-5`}>
      <div className="flex flex-wrap items-center gap-3">
        <h3 id={`admin-${view.id}`} className="text-lg font-bold">
          {view.name}
        </h3>
        <StateBadge state={view.state} />
        <span className="text-xs text-zinc-400">CT {view.vmid}</span>
      </div>
      <p className="-mt-2 min-h-5 text-sm text-zinc-400">
        {view.state === "ready" && (view.players.length > 0 || view.idleStopAt) ? <PlayersLine players={view.players} count={view.playerCount} idleStopAt={view.idleStopAt} now={now} /> : hint}
      </p>
      <dl className="grid grid-cols-2 gap-2 text-xs sm:grid-cols-4">
        <Fact label="Node" value={view.node ?? "–"} />
        <Fact label="Uptime" value={uptime === null ? "–" : formatUptime(uptime)} />
        <Fact label="CPU" value={ct ? formatCpuShare(ct) : "–"} />
        <Fact label="Memory" value={ct ? formatMemory(ct) : "–"} />
      </dl>
      <TimeToPlayable eta={view.eta} playable={playable} />
      <LoadCharts gameId={view.id} name={view.name} cores={ct?.cpus || null} />
      <PowerActions view={view} />
      <div className="border-t border-white/10 pt-3">
        <h4 className="mb-2 text-xs font-semibold uppercase tracking-widest text-zinc-400">Settings</h4>
        <SettingsForm {...settings} live={view} />
      </div>
    </article>
  );
}
