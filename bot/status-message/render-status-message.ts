import { escapeMarkdown, time, TimestampStyles } from "discord.js";
import type { GameView } from "@/lib/api/schemas";
import { describeState, stateColor, stateEmoji } from "../format/game-state";
import { linkButtonRows, message, type Links, type MessagePayload } from "../format/payload";
import { sleepLine } from "../format/status-embeds";

function line(view: GameView): string {
  const since = Date.parse(view.since);
  // A relative timestamp renders live in every client, so the message need not be edited as time passes.
  const when = Number.isFinite(since) ? ` · since ${time(new Date(since), TimestampStyles.RelativeTime)}` : "";
  const playing = view.playerCount > 0 ? ` · ${view.playerCount} playing` : "";
  const sleep = view.idleStopAt ? ` · ${sleepLine(view).replace(/^Goes/, "goes")}` : "";
  return `${stateEmoji[view.state]} **${escapeMarkdown(view.name)}**: ${escapeMarkdown(describeState(view))}${when}${playing}${sleep}`;
}

/**
 * The live status message: every game's state in one embed and a link button per ready game. It contains no
 * clock of its own, so identical states render identically and need no edit.
 */
export function renderStatusMessage(views: GameView[], links: Links, options: { stale?: boolean } = {}): MessagePayload {
  const ready = views.filter((view) => view.state === "ready");
  const color = ready.length > 0 ? stateColor.ready : views.some((v) => v.state === "failed") ? stateColor.failed : stateColor.stopped;
  const lines = views.length === 0 ? "No games yet." : views.map(line).join("\n");
  const description = options.stale ? `⚠️ The portal is not answering, so this may be out of date.\n\n${lines}` : lines;
  const latest = views.map((view) => Date.parse(view.since)).filter(Number.isFinite);
  return message("", {
    embeds: [
      {
        title: "Cartofia Arcade",
        url: links.portal,
        color,
        description: description.slice(0, 4096),
        footer: { text: `${ready.length} of ${views.length} ready · /play game: starts one` },
        ...(latest.length > 0 ? { timestamp: new Date(Math.max(...latest)).toISOString() } : {}),
      },
    ],
    components: linkButtonRows(ready.map((view) => ({ label: `Play ${view.name}`, url: links.play(view.id) }))),
  });
}
