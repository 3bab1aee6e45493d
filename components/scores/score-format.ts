import type { GameView } from "@/lib/api/schemas";
import { formatScore, modeSuffix } from "@/lib/format/score";
import { describePlayers } from "@/lib/format/display";

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

/**
 * Who is playing, for a card: the plain sentence ("Alex and Sam are playing") until a game reports a status, then
 * "Playing: Alex — Level 3, Sam" (two names, then how many more).
 */
export function describePlaying(players: Array<Pick<GameView["players"][number], "name" | "status">>, total = players.length): string | null {
  if (!players.some((p) => p.status)) return describePlayers(players.map((p) => p.name), total);
  const named = players.slice(0, 2).map(playerWithStatus).join(", ");
  const more = total - Math.min(2, players.length);
  return `Playing: ${named}${more > 0 ? ` and ${more} other${more === 1 ? "" : "s"}` : ""}`;
}
