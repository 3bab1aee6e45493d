import type { APIEmbed } from "discord.js";

/**
 * Discord's limits for what the bot sends (developers/resources/message.mdx "Embed Limits" and "Create
 * Message", components/reference.mdx, interactions/application-commands.mdx). A body past one of them is
 * refused with 400 "Invalid Form Body", so every renderer keeps inside them whatever the catalogue holds.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  rows: 5,
  buttonsPerRow: 5,
  label: 80,
  buttonUrl: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = "…";

/** Discord counts characters as Unicode code points (its API is Python), so 🟢 is one, not two. */
export function lengthOf(text: string): number {
  return Array.from(text).length;
}

/** `text` cut to at most `max` characters, ending in "…" when something was cut; never splits an emoji. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("").trimEnd()}${ELLIPSIS}`;
}

/**
 * Lines grouped in order so each group, joined with newlines, is at most `max` characters; a line that is longer
 * on its own is clipped. Lines are never reordered or split, and a newline inside one becomes a space.
 */
export function packLines(lines: readonly string[], max: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const raw of lines) {
    const line = clip(raw.replace(/\s*\n\s*/g, " "), max);
    const length = lengthOf(line);
    if (current.length > 0 && size + 1 + length > max) {
      groups.push(current);
      current = [];
    }
    size = current.length === 0 ? length : size + 1 + length;
    current.push(line);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** What an embed counts towards the 6000 characters all embeds of one message share. */
export function embedSize(embed: APIEmbed): number {
  const texts = [embed.title, embed.description, embed.author?.name, embed.footer?.text, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])];
  return texts.reduce<number>((sum, text) => sum + (text ? lengthOf(text.trim()) : 0), 0);
}

/** Embeds grouped in order into messages of at most ten that together stay within the shared 6000 characters. */
export function groupEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const own = embedSize(embed);
    if (current.length > 0 && (current.length === DISCORD_LIMITS.embeds || size + own > DISCORD_LIMITS.embedTotal)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += own;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
