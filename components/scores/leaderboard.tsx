"use client";

import { useState } from "react";
import type { ScoreBoard, ScoreEntry } from "@/lib/api/score-schemas";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { Avatar } from "@/components/ui/avatar";
import { focusRing } from "@/components/ui/styles";
import { deleteScore } from "./score-api";
import { formatScore, formatScoreDate } from "./score-format";

type Props = { gameId: string; title: string; board: ScoreBoard; youKey: string | null; canDelete: boolean };

function Row({ entry, mine, onDelete }: { entry: ScoreEntry; mine: boolean; onDelete?: () => void }) {
  return (
    <li
      data-score-id={entry.id}
      aria-current={mine ? "true" : undefined}
      className={`flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm ${mine ? "bg-fuchsia-500/15 ring-1 ring-fuchsia-400/40" : ""}`}
    >
      <span className="w-6 shrink-0 text-right text-xs font-bold tabular-nums text-zinc-400">{entry.rank ?? "–"}</span>
      <Avatar name={entry.player.name} image={entry.player.avatarUrl} size={22} />
      <span className="min-w-0 flex-1 leading-tight">
        <span className="block truncate">
          {entry.player.name}
          {mine && <span className="ml-1 text-xs text-fuchsia-200">(you)</span>}
        </span>
        <time dateTime={entry.at} className="block text-[11px] text-zinc-400">
          {formatScoreDate(entry.at)}
        </time>
      </span>
      <span className="font-bold tabular-nums">{formatScore(entry.score)}</span>
      {onDelete && (
        <button type="button" onClick={onDelete} aria-label={`Delete ${entry.player.name}'s ${formatScore(entry.score)}`} className={`rounded px-1 text-zinc-400 hover:text-rose-300 ${focusRing}`}>
          ✕
        </button>
      )}
    </li>
  );
}

/** One board: the top players by their best run, the caller's own place when it is further down, admin delete. */
export function Leaderboard({ gameId, title, board, youKey, canDelete }: Props) {
  const [doomed, setDoomed] = useState<ScoreEntry | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mineBelow = board.mine && !board.top.some((e) => e.id === board.mine!.id) ? board.mine : null;

  const confirm = async () => {
    const entry = doomed;
    setDoomed(null);
    if (!entry) return;
    const result = await deleteScore(gameId, entry.id);
    setProblem(result.ok ? null : result.message);
  };

  return (
    <>
      <ol aria-label={title} className="flex flex-col gap-0.5">
        {board.top.map((entry) => (
          <Row key={entry.id} entry={entry} mine={entry.player.key === youKey} onDelete={canDelete ? () => setDoomed(entry) : undefined} />
        ))}
      </ol>
      {board.top.length === 0 && <p className="px-2 py-1 text-sm text-zinc-400">No scores yet: be the first.</p>}
      {mineBelow && (
        <ol aria-label="Your best" className="mt-1 border-t border-white/10 pt-1">
          <Row entry={mineBelow} mine />
        </ol>
      )}
      {problem && (
        <p role="alert" className="mt-2 text-xs text-rose-200">
          {problem}
        </p>
      )}
      <ConfirmDialog
        open={doomed !== null}
        title="Delete this score?"
        body={doomed ? `${doomed.player.name}'s ${formatScore(doomed.score)} leaves the board for good. The audit log records that you deleted it.` : ""}
        confirmLabel="Delete score"
        danger
        onConfirm={() => void confirm()}
        onCancel={() => setDoomed(null)}
      />
    </>
  );
}
