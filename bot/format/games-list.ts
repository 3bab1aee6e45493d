import { escapeMarkdown, hideLinkEmbed, hyperlink, inlineCode } from "discord.js";
import type { GameView } from "@/lib/api/schemas";
import { describeState, stateEmoji } from "./game-state";
import { linkButtonRows, message, type Links, type MessagePayload } from "./payload";

/** The /games answer: every game with its state, a link for each, and buttons for the ready ones. */
export function renderGamesList(views: GameView[], links: Links): MessagePayload {
  if (views.length === 0) return message("The arcade has no games yet.");
  const lines = views.map(
    (view) => `${stateEmoji[view.state]} ${hyperlink(escapeMarkdown(view.name), hideLinkEmbed(links.play(view.id)))} ${inlineCode(view.id)}: ${escapeMarkdown(describeState(view))}`,
  );
  const ready = views.filter((view) => view.state === "ready");
  const hint = ready.length === views.length ? "" : "\nStart one with `/play game:`.";
  return message(`${lines.join("\n")}${hint}`.slice(0, 2000), {
    components: linkButtonRows(ready.map((view) => ({ label: `Play ${view.name}`, url: links.play(view.id) }))),
  });
}
