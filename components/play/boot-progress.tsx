"use client";

import Link from "next/link";
import type { GameView } from "@/lib/api/schemas";
import { bootProgress, elapsedSince, formatDuration, formatEta, formatRemaining } from "@/lib/format/durations";
import { stageSteps } from "@/lib/format/game-state";
import { useNow } from "@/components/live/use-now";
import { buttonStyles, panel } from "@/components/ui/styles";
import { NotifyButton } from "./notify-button";
import { bootWords } from "./play-words";

type Props = { view: GameView; askedAt: number | null; waitingForStop: boolean; notify: { armed: boolean; onArm: () => void } };

const marks = { done: "✓", current: "", todo: "" } as const;

/** The boot's named stages with the time spent and what past boots took, until the game answers. */
export function BootProgress({ view, askedAt, waitingForStop, notify }: Props) {
  const now = useNow(250);
  // Until the server confirms the start, "Start requested" is where we are; an older operation's clock is not ours.
  const starting = view.state === "starting";
  const steps = stageSteps("starting", starting ? view.stage : "requested");
  const current = steps.find((s) => s.status === "current");
  const startedAt = starting && view.opStartedAt ? Date.parse(view.opStartedAt) : askedAt;
  const elapsed = now === null ? 0 : elapsedSince(startedAt, now);
  const words = bootWords(view);
  // The recorded times are cold starts; a reboot also waits for the shutdown, so they would promise too much.
  const eta = words.note ? null : view.eta;
  const progress = bootProgress(eta, elapsed);
  const remaining = formatRemaining(eta, elapsed);

  return (
    <section aria-labelledby="boot-title" className={`${panel} mx-auto mt-6 w-full max-w-xl p-6 sm:mt-10 sm:p-8`}>
      <p className="text-xs font-semibold uppercase tracking-widest text-fuchsia-300">{words.eyebrow}</p>
      <h1 id="boot-title" className="mt-1 text-2xl font-black">
        {words.title}
      </h1>
      <p className="mt-1 min-h-5 text-sm text-zinc-400">
        {waitingForStop
          ? "It is being shut down right now; it starts again as soon as that has finished."
          : (words.note ?? formatEta(view.eta) ?? "The first start takes a little longer: there is no history yet.")}
      </p>

      <div className="mt-6 flex items-baseline justify-between text-sm">
        <span>
          <span className="text-zinc-400">Elapsed </span>
          <span className="font-mono tabular-nums" data-testid="boot-elapsed">
            {formatDuration(elapsed)}
          </span>
        </span>
        <span className="text-zinc-400">{remaining}</span>
      </div>
      <div
        role="progressbar"
        aria-label={words.title}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress === null ? undefined : Math.round(progress * 100)}
        aria-valuetext={current?.label}
        className="mt-2 h-2 overflow-hidden rounded-full bg-white/10"
      >
        <div
          className={`h-full rounded-full bg-gradient-to-r from-fuchsia-500 to-cyan-400 transition-[width] duration-300 ${progress === null ? "w-1/3 motion-safe:animate-pulse" : ""}`}
          style={progress === null ? undefined : { width: `${Math.max(4, progress * 100)}%` }}
        />
      </div>

      <ol aria-label="Boot stages" className="mt-6 space-y-2">
        {steps.map((step) => (
          <li
            key={step.id}
            data-stage={step.id}
            data-status={step.status}
            aria-current={step.status === "current" ? "step" : undefined}
            className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm ${step.status === "current" ? "bg-fuchsia-500/15 text-white ring-1 ring-fuchsia-400/40" : step.status === "done" ? "text-zinc-300" : "text-zinc-400"}`}
          >
            <span
              aria-hidden="true"
              className={`grid size-5 shrink-0 place-items-center rounded-full text-xs ${step.status === "done" ? "bg-emerald-500 text-zinc-950" : step.status === "current" ? "border-2 border-fuchsia-300 border-t-transparent motion-safe:animate-spin" : "border border-zinc-600"}`}
            >
              {marks[step.status]}
            </span>
            <span>{step.label}</span>
            <span className="sr-only">{step.status === "done" ? "(done)" : step.status === "current" ? "(in progress)" : ""}</span>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {current ? `${view.name}: ${current.label}` : ""}
      </p>
      {view.by && !words.note && <p className="mt-4 text-xs text-zinc-400">Started by {view.by.name}</p>}
      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <Link href="/" className={buttonStyles.quiet}>
          ← Back to the arcade
        </Link>
        <NotifyButton armed={notify.armed} onArm={notify.onArm} />
      </div>
    </section>
  );
}
