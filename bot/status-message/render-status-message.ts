import { escapeMarkdown, time, TimestampStyles, type APIEmbed } from "discord.js";
import { MEMBER_VIEW, visibleGameView } from "@/lib/api/game-visibility";
import type { GameView } from "@/lib/api/schemas";
import { describeState, stateColor, stateEmoji, stateLabel } from "../format/game-state";
import { clip, DISCORD_LIMITS, lengthOf, packLines } from "../format/limits";
import { linkButtonRows, message, type Links, type MessagePayload } from "../format/payload";
import { sleepLine } from "../format/status-embeds";

const TITLE = "Cartofia Arcade";
const STALE = "⚠️ The portal is not answering, so this may be out of date.";
const REASON_MAX = 150;

function fullLine(view: GameView): string {
  const since = Date.parse(view.since);
  // A relative timestamp renders live in every client, so the message need not be edited as time passes.
  const when = Number.isFinite(since) ? ` · since ${time(new Date(since), TimestampStyles.RelativeTime)}` : "";
  const playing = view.playerCount > 0 ? ` · ${view.playerCount} playing` : "";
  const sleep = view.idleStopAt ? ` · ${sleepLine(view).replace(/^Goes/, "goes")}` : "";
  return `${stateEmoji[view.state]} **${escapeMarkdown(view.name)}**: ${escapeMarkdown(clip(describeState(view), REASON_MAX))}${when}${playing}${sleep}`;
}

// What a line shrinks to when a big catalogue does not fit with every detail.
const shortLine = (view: GameView) => `${stateEmoji[view.state]} **${escapeMarkdown(view.name)}**: ${stateLabel(view.state)}`;

/**
 * The descriptions the lines need: full lines when they fit the message's 6000 characters, short ones when
 * not, and past that as many short lines as fit plus one saying how many more the portal shows.
 */
function describeAll(views: GameView[], header: string | null, budget: number): string[] {
  const lines = views.length === 0 ? ["No games yet."] : views.map(fullLine);
  const withHeader = (body: string[]) => (header ? [header, "", ...body] : body);
  const fits = (chunks: string[][]) => chunks.length <= DISCORD_LIMITS.embeds && chunks.reduce((sum, c) => sum + lengthOf(c.join("\n")), 0) <= budget;
  for (const candidate of [lines, views.map(shortLine)]) {
    const chunks = packLines(withHeader(candidate), DISCORD_LIMITS.description);
    if (fits(chunks)) return chunks.map((chunk) => chunk.join("\n"));
  }
  const short = views.map(shortLine);
  for (let shown = short.length - 1; shown >= 0; shown--) {
    const chunks = packLines(withHeader([...short.slice(0, shown), `…and ${short.length - shown} more on the portal.`]), DISCORD_LIMITS.description);
    if (fits(chunks)) return chunks.map((chunk) => chunk.join("\n"));
  }
  return [`${views.length} games: see the portal.`];
}

/**
 * The live status message: every game's state and a link button per ready game. It contains no clock of its
 * own, so identical states render identically and need no edit. A catalogue too big for one description
 * continues in further embeds of the same message (within Discord's ten embeds and 6000 characters).
 */
export function renderStatusMessage(allViews: GameView[], links: Links, options: { stale?: boolean } = {}): MessagePayload {
  // The channel is read by every member: it shows a game as a member sees it (friendly reasons, no UPIDs).
  const views = allViews.map((view) => visibleGameView(view, MEMBER_VIEW));
  const ready = views.filter((view) => view.state === "ready");
  const color = ready.length > 0 ? stateColor.ready : views.some((v) => v.state === "failed") ? stateColor.failed : stateColor.stopped;
  const footer = `${ready.length} of ${views.length} ready · /play game: starts one`;
  const latest = views.map((view) => Date.parse(view.since)).filter(Number.isFinite);
  const descriptions = describeAll(views, options.stale ? STALE : null, DISCORD_LIMITS.embedTotal - lengthOf(TITLE) - lengthOf(footer));
  const embeds: APIEmbed[] = descriptions.map((description, i) => ({
    // Only the first embed links to the portal: Discord shows just one of several embeds with the same URL.
    ...(i === 0 ? { title: TITLE, url: links.portal } : {}),
    color,
    description,
    ...(i === descriptions.length - 1
      ? { footer: { text: footer }, ...(latest.length > 0 ? { timestamp: new Date(Math.max(...latest)).toISOString() } : {}) }
      : {}),
  }));
  return message("", {
    embeds,
    components: linkButtonRows(ready.map((view) => ({ label: `Play ${view.name}`, url: links.play(view.id) }))),
  });
}
