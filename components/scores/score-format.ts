import type { GameView } from "@/lib/api/schemas";
import { formatScore, modeSuffix } from "@/lib/api/format-score";

export { formatScore, modeSuffix };

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

/** When a run was played, as a leaderboard row shows it: "28 Nov 2026". */
export function formatScoreDate(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? "" : day.format(at);
}

/** "Alice — Level 3": a player and what their game says they are doing; just the name without a status. */
export function playerWithStatus(player: Pick<GameView["players"][number], "name" | "status">): string {
  return player.status ? `${player.name} — ${player.status}` : player.name;
}

/** A card's record line: "Best: Alice · 1,520", with the board for a mode: "Best (hard): Alice · 1,520". */
export function describeRecord(record: GameView["records"][number]): string {
  return `Best${record.mode === null ? "" : ` (${record.mode})`}: ${record.name} · ${formatScore(record.score)}`;
}
