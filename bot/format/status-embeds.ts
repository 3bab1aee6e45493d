import { escapeMarkdown, time, TimestampStyles, type APIEmbed } from "discord.js";
import type { GameView } from "@/lib/api/schemas";
import { formatCpuShare, formatMemory, isCtUp } from "@/lib/format/container-load";
import { formatUptime } from "@/lib/format/durations";
import { describeState, stateColor, stateEmoji } from "./game-state";
import { clip, DISCORD_LIMITS, groupEmbeds } from "./limits";
import { message, type Links, type MessagePayload } from "./payload";

// Kept well under a field's 1024 so that even ten embeds of long reasons and full player lists share 6000.
const STATE_MAX = 300;
const PLAYERS_MAX = 400;
const PLAYERS_NAMED = 10;

function sinceLine(view: GameView, since: number): string {
  return Number.isFinite(since) ? `${describeState(view)} since ${time(new Date(since), TimestampStyles.RelativeTime)}` : describeState(view);
}

/** "Goes to sleep in 12 minutes if nobody plays": the idle auto-stop deadline, rendered live by Discord. */
export function sleepLine(view: Pick<GameView, "idleStopAt">): string {
  const at = view.idleStopAt === null ? NaN : Date.parse(view.idleStopAt);
  return Number.isFinite(at) ? `Goes to sleep ${time(new Date(at), TimestampStyles.RelativeTime)} if nobody plays` : "";
}

/** "Ann, Bob and 40 more": the first ten names, and how many more of `total`; always within `max` characters. */
export function describePlayers(players: GameView["players"], total = players.length, max = PLAYERS_MAX): string {
  if (total === 0) return "nobody";
  const more = total - Math.min(players.length, PLAYERS_NAMED);
  const tail = more > 0 ? ` and ${more} more` : "";
  const names = players.slice(0, PLAYERS_NAMED).map((p) => escapeMarkdown(p.name)).join(", ");
  return `${clip(names, max - tail.length)}${tail}`;
}

// Discord refuses an empty field value; a value is never blank.
const fieldValue = (text: string, max: number = DISCORD_LIMITS.fieldValue) => clip(text.trim() || "-", max);

/** One embed for one game: state, node, uptime, CPU, memory and who is playing, coloured by state. */
export function renderStatusEmbed(view: GameView, links: Links): APIEmbed {
  const up = isCtUp(view) ? view.ct : null;
  const since = Date.parse(view.since);
  return {
    title: clip(`${stateEmoji[view.state]} ${view.name}`, DISCORD_LIMITS.title),
    url: links.play(view.id),
    color: stateColor[view.state],
    description: clip([sinceLine(view, since), sleepLine(view)].filter(Boolean).join("\n"), DISCORD_LIMITS.description),
    fields: [
      { name: "State", value: fieldValue(describeState(view), STATE_MAX), inline: true },
      { name: "Node", value: fieldValue(view.node ?? "not known"), inline: true },
      { name: "Uptime", value: up ? formatUptime(up.uptimeSec) : "not running", inline: true },
      { name: "CPU", value: up ? formatCpuShare(up) : "-", inline: true },
      { name: "Memory", value: up ? formatMemory(up) : "-", inline: true },
      { name: "Playing", value: fieldValue(describePlayers(view.players, view.playerCount)), inline: true },
    ],
    footer: { text: clip(`CT ${view.vmid} · ${view.id}`, DISCORD_LIMITS.footer) },
  };
}

/**
 * The /status answer: one embed per game, spread over as many messages as Discord's ten embeds and 6000
 * characters per message need. A later message says which part of the list it is.
 */
export function renderStatus(views: GameView[], links: Links): MessagePayload[] {
  if (views.length === 0) return [message("The arcade has no games yet.")];
  const groups = groupEmbeds(views.map((view) => renderStatusEmbed(view, links)));
  let shown = 0;
  return groups.map((embeds, page) => {
    const from = shown + 1;
    shown += embeds.length;
    const content = groups.length === 1 ? "" : `Games ${from}–${shown} of ${views.length}${page === 0 ? "; the rest follow" : ""}.`;
    return message(content, { embeds });
  });
}
