"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { GameView } from "@/lib/api/schemas";
import { useFeedStatus } from "@/components/live/use-live";
import { Avatar } from "@/components/ui/avatar";
import { focusRing, panel } from "@/components/ui/styles";
import { Leaderboard } from "./leaderboard";
import { playerWithStatus } from "./score-format";
import { scoreStore } from "./score-store";

function PlayingNow({ players }: { players: GameView["players"] }) {
  if (players.length === 0) return null;
  return (
    <section aria-labelledby="playing-now" className="mb-4">
      <h2 id="playing-now" className="mb-1.5 text-xs font-semibold uppercase tracking-widest text-zinc-400">
        Playing now
      </h2>
      <ul aria-label="Playing now" className="flex flex-col gap-1 text-sm">
        {players.map((p) => (
          <li key={p.id} className="flex items-center gap-2">
            <Avatar name={p.name} image={p.avatarUrl} size={20} />
            <span className="min-w-0 truncate text-emerald-200">{playerWithStatus(p)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Who is playing (with what their game says they are doing) and the top 10 per board, live over the page's event
 * stream: the content of the play page's side panel (components/play/side-panel.tsx decides where it shows).
 * Loaded when the page opens and again whenever the stream comes back.
 */
export function ScoresPanel({ view }: { view: GameView }) {
  const scores = useSyncExternalStore(scoreStore.subscribe, () => scoreStore.get(view.id), () => undefined);
  const feed = useFeedStatus();
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    if (feed === "connecting" || feed === "live") void scoreStore.reload(view.id);
  }, [feed, view.id]);

  const boards = scores?.boards ?? [];
  const board = boards.find((b) => (b.mode ?? "") === chosen) ?? boards[0];

  return (
    <div className={`${panel} p-4`}>
      <PlayingNow players={view.players} />
      <h2 id="scores-title" className="mb-2 text-xs font-semibold uppercase tracking-widest text-zinc-400">
        Top 10
      </h2>
      {boards.length > 1 && (
        <div role="group" aria-label="Boards" className="mb-2 flex flex-wrap gap-1">
          {boards.map((b) => (
            <button
              key={b.mode ?? ""}
              type="button"
              aria-pressed={b === board}
              onClick={() => setChosen(b.mode ?? "")}
              className={`rounded-full px-2.5 py-0.5 text-xs ${b === board ? "bg-fuchsia-600 text-white" : "bg-white/10 text-zinc-300"} ${focusRing}`}
            >
              {b.mode ?? "Normal"}
            </button>
          ))}
        </div>
      )}
      {!scores && <p className="px-2 py-1 text-sm text-zinc-400">Loading scores…</p>}
      {scores && !board && <p className="px-2 py-1 text-sm text-zinc-400">No scores yet: be the first.</p>}
      {scores && board && (
        <Leaderboard
          gameId={view.id}
          title={`Top 10 of ${view.name}${board.mode === null ? "" : ` (${board.mode})`}`}
          board={board}
          youKey={scores.you?.key ?? null}
          canDelete={scores.canDelete}
        />
      )}
    </div>
  );
}
