"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { GameView } from "@/lib/api/schemas";
import { liveUptimeSec } from "@/lib/format/container-load";
import { formatUptime } from "@/lib/format/durations";
import { gameStore } from "@/components/live/game-store";
import { useLiveGame } from "@/components/live/use-live";
import { useNow } from "@/components/live/use-now";
import { requestPlayThenOpen } from "@/components/play/play-request";
import { StateBadge } from "@/components/ui/state-badge";
import { RecordLine } from "@/components/scores/record-line";
import { cardEta, cardLine, playLabel as playWords } from "./card-words";
import { PlayersLine } from "./players-line";
import { buttonStyles } from "@/components/ui/styles";

/** The live part of a card: state in words, why, node, uptime, the usual boot time, and Play. */
export function GameCardLive({ initial }: { initial: GameView }) {
  const { view, receivedAt } = useLiveGame(initial);
  const router = useRouter();
  const now = useNow(1000);
  const uptime = liveUptimeSec(view, receivedAt, now);
  const eta = cardEta(view);
  const playLabel = playWords(view);
  const showPeople = view.state === "ready" && !view.scheduledShutdown && (view.players.length > 0 || view.idleStopAt !== null);

  const onPlay = (event: React.MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window opens the Play screen, which asks for itself.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    requestPlayThenOpen(view.id, gameStore, () => router.push(`/play/${view.id}`));
  };

  return (
    <div className="mt-auto flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <StateBadge state={view.state} />
        {eta && <span className="text-xs text-zinc-400">{eta}</span>}
      </div>
      <p className={`min-h-10 text-sm ${view.state === "failed" || view.state === "unknown" ? "text-rose-200" : "text-zinc-400"}`}>
        {showPeople ? <PlayersLine players={view.players} count={view.playerCount} idleStopAt={view.idleStopAt} now={now} /> : cardLine(view, now)}
      </p>
      <RecordLine records={view.records} />
      <dl className="grid grid-cols-2 gap-2 text-xs">
        <div className="rounded-lg bg-white/5 px-3 py-2">
          <dt className="text-zinc-400">Node</dt>
          <dd className="font-medium tabular-nums">{view.node ?? "–"}</dd>
        </div>
        <div className="rounded-lg bg-white/5 px-3 py-2">
          <dt className="text-zinc-400">Uptime</dt>
          <dd className="font-medium tabular-nums">{uptime === null ? "–" : formatUptime(uptime)}</dd>
        </div>
      </dl>
      {/* The name starts with the visible words (WCAG 2.5.3: voice users say what they see), then says which game. */}
      <Link href={`/play/${view.id}`} onClick={onPlay} aria-label={`${playLabel} ${view.name}`} className={`${buttonStyles.primary} w-full py-2.5 text-base`}>
        <span aria-hidden="true">▶</span> {playLabel}
      </Link>
    </div>
  );
}
