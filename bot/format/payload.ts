import { ButtonStyle, ComponentType, escapeMarkdown, type APIActionRowComponent, type APIButtonComponentWithURL, type APIEmbed } from "discord.js";
import { clip, DISCORD_LIMITS, lengthOf } from "./limits";

/** A message body as Discord's REST takes it; plain JSON so formatting stays testable without a client. */
export type MessagePayload = {
  content: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponentWithURL>>;
};

export type Links = {
  /** The portal's page for one game, where the iframe and the Play button live. */
  play(gameId: string): string;
  /** The portal itself. */
  portal: string;
};

/** Links to the public portal, e.g. https://arcade.example.com/play/snake. */
export function createLinks(publicUrl: string): Links {
  const base = publicUrl.replace(/\/+$/, "");
  return { play: (id) => `${base}/play/${encodeURIComponent(id)}`, portal: base };
}

/** A message body; content past Discord's 2000 characters is cut with "…" rather than refused. */
export function message(content: string, extra: Partial<Omit<MessagePayload, "content">> = {}): MessagePayload {
  return { content: clip(content, DISCORD_LIMITS.content), embeds: extra.embeds ?? [], components: extra.components ?? [] };
}

/**
 * Rows of link buttons, five to a row and at most five rows, as Discord allows; the rest are left off (their
 * links are in the text). A link Discord would refuse (over 512 characters) gets no button.
 */
export function linkButtonRows(buttons: Array<{ label: string; url: string }>): MessagePayload["components"] {
  const rows: MessagePayload["components"] = [];
  const fitting = buttons.filter((button) => lengthOf(button.url) <= DISCORD_LIMITS.buttonUrl);
  const max = DISCORD_LIMITS.rows * DISCORD_LIMITS.buttonsPerRow;
  for (const [index, button] of fitting.slice(0, max).entries()) {
    if (index % DISCORD_LIMITS.buttonsPerRow === 0) rows.push({ type: ComponentType.ActionRow, components: [] });
    rows.at(-1)!.components.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: clip(button.label, DISCORD_LIMITS.label), url: button.url });
  }
  return rows;
}

/** A game's name, safe inside bold markdown. */
export function gameTitle(name: string): string {
  return `**${escapeMarkdown(name)}**`;
}
