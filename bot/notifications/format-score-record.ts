import { escapeMarkdown } from "discord.js";
import type { ArcadeEventView } from "@/lib/api/schemas";
import { scoreEventDetailSchema } from "@/lib/api/score-schemas";
import { formatScore, modeSuffix } from "@/lib/format/score";
import { gameTitle, message, type Links, type MessagePayload } from "../format/payload";
import { playButton } from "../play/render-progress";

/**
 * "🏆 **Alice** set a new **Star Dodge** record: **1,520** — beat **Bob**'s 1,300." from a score.record event.
 * The event carries the scores of that moment, so a message posted after a restart still tells what happened then.
 */
export function formatScoreRecord(event: ArcadeEventView, name: string, links: Links): MessagePayload {
  const detail = scoreEventDetailSchema.safeParse(event.detail);
  const buttons = event.gameId ? playButton({ id: event.gameId, name }, links) : [];
  if (!detail.success) return message(`🏆 ${escapeMarkdown(event.message)}.`, { components: buttons });
  const { score, mode, previous } = detail.data;
  const who = `**${escapeMarkdown(event.actor.name)}**`;
  const board = `${gameTitle(name)}${escapeMarkdown(modeSuffix(mode))}`;
  const points = `**${formatScore(score)}**`;
  if (!previous) return message(`🏆 ${who} set the first ${board} record: ${points}.`, { components: buttons });
  const beaten = previous.samePlayer ? "their own" : `**${escapeMarkdown(previous.name)}**'s`;
  return message(`🏆 ${who} set a new ${board} record: ${points} — beat ${beaten} ${formatScore(previous.score)}.`, { components: buttons });
}
