import { escapeMarkdown, time, TimestampStyles } from "discord.js";
import type { ScoreEntry } from "@/lib/api/score-schemas";
import { formatScore } from "@/lib/format/score";
import { message, type MessagePayload } from "./payload";
import { EMBED_LIMITS, fitLines } from "./scores-embed";

export type WeeksBest = { game: { id: string; name: string }; mode: string | null; best: ScoreEntry };

/** "**Snake**: **Alice** · 1,520", one line per game and board, for the weekly digest; null when nobody scored. */
export function renderWeeklyDigest(bests: WeeksBest[], week: { since: Date; until: Date }): MessagePayload | null {
  if (bests.length === 0) return null;
  const lines = bests.map(({ game, mode, best }) => {
    const board = `**${escapeMarkdown(game.name)}**${mode === null ? "" : ` (${escapeMarkdown(mode)})`}`;
    return `${board}: **${escapeMarkdown(best.player.name.slice(0, 40))}** · ${formatScore(best.score)}`;
  });
  const range = `${time(week.since, TimestampStyles.ShortDate)} – ${time(week.until, TimestampStyles.ShortDate)}`;
  return message("", {
    embeds: [
      {
        title: "🗓️ The week's best",
        color: 0xf59e0b,
        description: fitLines([range, "", ...lines], EMBED_LIMITS.description),
      },
    ],
  });
}
