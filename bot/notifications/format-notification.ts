import { escapeMarkdown, time, TimestampStyles } from "discord.js";
import { friendlyReason } from "@/lib/api/game-visibility";
import type { ArcadeEventView } from "@/lib/api/schemas";
import { clip } from "../format/limits";
import { formatDuration } from "@/lib/format/durations";
import { gameTitle, message, type Links, type MessagePayload } from "../format/payload";
import { playButton } from "../play/render-progress";
import { formatScoreRecord } from "./format-score-record";

const fromWhere: Record<ArcadeEventView["source"], string> = {
  web: "from the web",
  discord: "from Discord",
  api: "through the API",
  auto: "automatically",
};

function who(event: ArcadeEventView): string {
  return event.actor.kind === "system" ? "The arcade" : `**${escapeMarkdown(event.actor.name)}**`;
}

// Reasons and messages come from the portal (and through it from Proxmox): shown in full up to a sentence's worth.
const REASON_MAX = 300;
const MESSAGE_MAX = 600;

function stoppedLine(event: ArcadeEventView, title: string): string {
  const reason = clip(event.reason ?? "", REASON_MAX);
  if (event.source === "auto" && reason) return `💤 ${title} went to sleep: ${escapeMarkdown(reason)}.`;
  const forced = /^forced by /.test(reason);
  const plain = /^(shut down|forced) by /.test(reason);
  const by = event.actor.kind === "system" ? "" : ` by **${escapeMarkdown(event.actor.name)}**`;
  const extra = reason && !plain ? ` (${escapeMarkdown(reason)})` : "";
  return `⏹️ ${title} was ${forced ? "force-stopped" : "shut down"}${by} ${fromWhere[event.source]}${extra}.`;
}

/**
 * The portal's sentence already says what failed ("Snake failed to start: …"); only the name gets bold. The channel
 * is read by every member, so Proxmox's and the probe's words (addresses, task ids) become the sentence a member
 * sees on the portal; the audit page keeps the original.
 */
function failedLine(event: ArcadeEventView, name: string, title: string): string {
  const friendly = friendlyReason("failed", event.reason);
  const message = friendly && event.reason && event.message.endsWith(`: ${event.reason}`)
    ? `${event.message.slice(0, -event.reason.length)}${friendly.charAt(0).toLowerCase()}${friendly.slice(1).replace(/\.$/, "")}`
    : event.message;
  const said = clip(message, MESSAGE_MAX);
  const sentence = said.startsWith(name) ? `${title}${escapeMarkdown(said.slice(name.length))}` : `${title}: ${escapeMarkdown(said)}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * The channel message for one portal event, or null for events the channel does not need (stopping, settings,
 * Proxmox reachability): those are on the portal's audit page.
 */
export function formatNotification(event: ArcadeEventView, nameOf: (gameId: string) => string, links: Links): MessagePayload | null {
  const name = event.gameId ? nameOf(event.gameId) : "a game";
  const title = gameTitle(name);
  switch (event.type) {
    case "game.starting":
      return message(`▶️ ${who(event)} started ${title} ${fromWhere[event.source]}.`);
    case "game.ready": {
      const took = event.durationMs === null ? "" : ` (took ${formatDuration(event.durationMs, "nearest")})`;
      return message(`✅ ${title} is ready${took}.`, { components: event.gameId ? playButton({ id: event.gameId, name }, links) : [] });
    }
    case "game.stopped":
      return message(stoppedLine(event, title));
    case "game.failed":
      return message(`❌ ${failedLine(event, name, title)}`);
    case "game.shutdown_scheduled": {
      const due = new Date(Date.parse(event.at) + (event.durationMs ?? 0));
      return message(`⏳ ${who(event)} is shutting down ${title} ${time(due, TimestampStyles.RelativeTime)} ${fromWhere[event.source]}; players see a countdown.`);
    }
    case "game.shutdown_cancelled":
      return message(
        event.actor.kind === "system"
          ? `↩️ The planned shutdown of ${title} was dropped${event.reason ? `: ${escapeMarkdown(clip(event.reason, REASON_MAX))}` : ""}.`
          : `↩️ ${who(event)} called off the planned shutdown of ${title}; it keeps running.`,
      );
    case "game.rebooting":
      return message(`🔄 ${who(event)} is rebooting ${title} ${fromWhere[event.source]}.`);
    case "game.started_externally":
      return message(`⚠️ ${title} was started outside the arcade (directly on Proxmox)${event.reason ? ` ${escapeMarkdown(event.reason)}` : ""}.`);
    case "game.stopped_externally":
      return message(`⚠️ ${title} was stopped outside the arcade (directly on Proxmox)${event.reason ? ` ${escapeMarkdown(event.reason)}` : ""}.`);
    case "score.record":
      return formatScoreRecord(event, name, links);
    default:
      return null;
  }
}

/** The one line that stands in for the events a long outage would otherwise flood the channel with. */
export function formatBacklogSummary(skipped: number, range: { from: string; to: string } | null): MessagePayload {
  const events = skipped === 1 ? "1 older event" : `${skipped} older events`;
  const when = range
    ? ` (${time(new Date(range.from), TimestampStyles.ShortDateTime)} to ${time(new Date(range.to), TimestampStyles.ShortDateTime)})`
    : "";
  return message(`⏭️ While the bot was away, ${events}${when} went unposted to keep this channel readable; the portal's audit log has every one.`);
}
