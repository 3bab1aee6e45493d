import { escapeMarkdown, time, TimestampStyles, type APIEmbed } from "discord.js";
import type { ScoreBoard, ScoreBoards, ScoreEntry } from "@/lib/api/score-schemas";
import { formatScore } from "@/lib/format/score";
import { message, type Links, type MessagePayload } from "./payload";

// Discord's embed limits (docs: Message resource, embed limits); the whole embed must stay under 6000 characters.
export const EMBED_LIMITS = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, footer: 2048, total: 6000 } as const;
const NAME_MAX = 40;
const medals = ["🥇", "🥈", "🥉"];

/** Whole lines that fit in `max` characters: a line cut in half would break its markdown. */
export function fitLines(lines: string[], max: number): string {
  let out = "";
  for (const line of lines) {
    const next = out === "" ? line : `${out}\n${line}`;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

const shortName = (name: string) => escapeMarkdown(name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name);

/** "🥇 **Alice** · 1,520 · <t:…:d>": a place, the player, the points and the day (Discord shows it in local time). */
export function scoreLine(entry: ScoreEntry): string {
  const place = entry.rank !== null && entry.rank <= 3 ? medals[entry.rank - 1]! : `${entry.rank ?? "–"}.`;
  const when = Number.isFinite(Date.parse(entry.at)) ? ` · ${time(new Date(entry.at), TimestampStyles.ShortDate)}` : "";
  return `${place} **${shortName(entry.player.name)}** · ${formatScore(entry.score)}${when}`;
}

function boardLines(board: ScoreBoard): string[] {
  const lines = board.top.map(scoreLine);
  if (board.mine && !board.top.some((e) => e.id === board.mine!.id)) lines.push(`You: ${scoreLine(board.mine)}`);
  return lines;
}

const embedSize = (embed: APIEmbed) =>
  (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/**
 * The /scores answer: the top of each board in one embed (the default board in the description, modes as fields),
 * within Discord's limits however many boards and however long the names.
 */
export function renderScores(scores: ScoreBoards, game: { id: string; name: string }, links: Links): MessagePayload {
  if (scores.boards.length === 0) return message(`Nobody has a score in **${escapeMarkdown(game.name)}** yet: be the first!`);
  const [first, ...rest] = scores.boards;
  const embed: APIEmbed = {
    title: `🏆 ${game.name}: top ${first!.top.length < 5 ? first!.top.length : 5}`.slice(0, EMBED_LIMITS.title),
    url: links.play(game.id),
    color: 0xf59e0b,
    description: fitLines([first!.mode === null ? "" : `**${escapeMarkdown(first!.mode)}**`, ...boardLines(first!)].filter(Boolean), EMBED_LIMITS.description),
    fields: [],
    footer: { text: `${first!.players} ${first!.players === 1 ? "player" : "players"} on the board · best run per player` },
  };
  for (const board of rest.slice(0, EMBED_LIMITS.fields)) {
    const field = { name: escapeMarkdown(board.mode ?? "Normal").slice(0, EMBED_LIMITS.fieldName), value: fitLines(boardLines(board), EMBED_LIMITS.fieldValue) || "–" };
    if (embedSize(embed) + field.name.length + field.value.length > EMBED_LIMITS.total) break;
    embed.fields!.push(field);
  }
  return message("", { embeds: [embed] });
}
