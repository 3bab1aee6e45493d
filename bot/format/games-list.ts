import { escapeMarkdown, hideLinkEmbed, hyperlink, inlineCode } from "discord.js";
import type { GameView } from "@/lib/api/schemas";
import { describeState, stateEmoji } from "./game-state";
import { clip, DISCORD_LIMITS, packLines } from "./limits";
import { linkButtonRows, message, type Links, type MessagePayload } from "./payload";

// A failure's reason is the portal's sentence; the list shows its start, /status game: shows more.
const REASON_MAX = 200;
const HINT = "Start one with `/play game:`.";

function line(view: GameView, links: Links): string {
  const state = clip(describeState(view), REASON_MAX);
  return `${stateEmoji[view.state]} ${hyperlink(escapeMarkdown(view.name), hideLinkEmbed(links.play(view.id)))} ${inlineCode(view.id)}: ${escapeMarkdown(state)}`;
}

/**
 * The /games answer: every game with its state and a link, a Play button for each ready one. A long catalogue
 * is spread over several messages of at most 2000 characters, each with the buttons of its own ready games.
 */
export function renderGamesList(views: GameView[], links: Links): MessagePayload[] {
  if (views.length === 0) return [message("The arcade has no games yet.")];
  const allReady = views.every((view) => view.state === "ready");
  const pages = packLines([...views.map((view) => line(view, links)), ...(allReady ? [] : [HINT])], DISCORD_LIMITS.content);
  let next = 0;
  return pages.map((lines) => {
    const onPage = views.slice(next, next + lines.length);
    next += lines.length;
    const ready = onPage.filter((view) => view.state === "ready");
    return message(lines.join("\n"), { components: linkButtonRows(ready.map((view) => ({ label: `Play ${view.name}`, url: links.play(view.id) }))) });
  });
}
