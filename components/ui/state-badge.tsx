import type { GameView } from "@/lib/api/schemas";
import { describeState, type StateTone } from "@/lib/format/game-state";

const toneClasses: Record<StateTone, string> = {
  idle: "bg-zinc-800 text-zinc-300 ring-zinc-600",
  busy: "bg-amber-400/15 text-amber-200 ring-amber-400/50",
  ok: "bg-emerald-400/15 text-emerald-200 ring-emerald-400/50",
  bad: "bg-rose-500/15 text-rose-200 ring-rose-500/50",
  unknown: "bg-slate-700/40 text-slate-200 ring-slate-400/50",
};

// A shape per tone as well as a colour, so the state reads without colour vision too.
const toneIcons: Record<StateTone, string> = { idle: "○", busy: "◐", ok: "●", bad: "✕", unknown: "?" };

/** The state in words, with a colour and a shape; `busy` states pulse gently unless reduced motion is asked for. */
export function StateBadge({ state }: { state: GameView["state"] }) {
  const { label, tone } = describeState(state);
  return (
    <span
      data-state={state}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${toneClasses[tone]}`}
    >
      <span aria-hidden="true" className={tone === "busy" ? "motion-safe:animate-pulse" : undefined}>
        {toneIcons[tone]}
      </span>
      {label}
    </span>
  );
}
