import { ButtonStyle, ComponentType, escapeMarkdown, type APIActionRowComponent, type APIButtonComponentWithURL, type APIEmbed } from "discord.js";

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

export function message(content: string, extra: Partial<Omit<MessagePayload, "content">> = {}): MessagePayload {
  return { content, embeds: extra.embeds ?? [], components: extra.components ?? [] };
}

/** Rows of link buttons, five to a row and at most five rows, as Discord allows. */
export function linkButtonRows(buttons: Array<{ label: string; url: string }>): MessagePayload["components"] {
  const rows: MessagePayload["components"] = [];
  for (const [index, button] of buttons.slice(0, 25).entries()) {
    if (index % 5 === 0) rows.push({ type: ComponentType.ActionRow, components: [] });
    rows.at(-1)!.components.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: button.label.slice(0, 80), url: button.url });
  }
  return rows;
}

/** A game's name, safe inside bold markdown. */
export function gameTitle(name: string): string {
  return `**${escapeMarkdown(name)}**`;
}

export function formatSeconds(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** Elapsed time shown while something boots: whole seconds, so the text changes at most once a second. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  return seconds < 90 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
