import type { GameView } from "@/lib/api/schemas";
import type { PlayableSummary } from "@/lib/playable";
import { formatDuration } from "@/lib/format/durations";

type Median = { medianMs: number; samples: number } | null;

function Figure({ label, hint, median, unit }: { label: string; hint: string; median: Median; unit: string }) {
  return (
    <div title={hint} className="rounded-lg bg-white/5 px-3 py-2">
      <dt className="text-zinc-400">{label}</dt>
      <dd className="font-medium tabular-nums">
        {median ? (
          <>
            {formatDuration(median.medianMs)} <span className="font-normal text-zinc-400">({median.samples} {unit}{median.samples === 1 ? "" : "s"})</span>
          </>
        ) : (
          "–"
        )}
      </dd>
    </div>
  );
}

/**
 * The admin row's timing: the container's usual boot (server side: start task to the game answering) next to
 * time to playable as players' browsers measured it (Play pressed → the game's own `ready`), after a boot and
 * when the game was up already. Medians of the latest ten.
 */
export function TimeToPlayable({ eta, playable }: { eta: GameView["eta"]; playable: PlayableSummary }) {
  return (
    <dl aria-label="Start times" className="grid grid-cols-1 gap-2 text-xs sm:grid-cols-3">
      <Figure label="Boot (median)" hint="Start task to the game answering, on the server" median={eta} unit="boot" />
      <Figure label="Play → ready, cold" hint="Play pressed to the game's own ready, when the container had to boot" median={playable.cold} unit="play" />
      <Figure label="Play → ready, warm" hint="Play pressed to the game's own ready, when the game was up already" median={playable.warm} unit="play" />
    </dl>
  );
}
