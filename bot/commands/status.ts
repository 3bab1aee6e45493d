import type { Command } from "../command";
import { renderStatus } from "../format/status-embeds";
import { resolveGameOrThrow } from "../games/resolve-game";
import { actingUserOf } from "../interactions/acting-user";
import { arcadeCommand } from "../interactions/arcade-command";
import { autocompleteGame, gameOption } from "../interactions/game-option";
import { replyInPages } from "../interactions/reply-in-pages";

export default {
  data: arcadeCommand("status", "Show the state, node, uptime, CPU and memory of one game or all of them").addStringOption(gameOption(false)),
  async execute(interaction, ctx) {
    const as = await actingUserOf(interaction);
    const input = interaction.options.getString("game");
    const views = input ? [await ctx.arcade.getGame((await resolveGameOrThrow(input, ctx.catalogue)).id, as)] : await ctx.arcade.listGames(as);
    await replyInPages(interaction, renderStatus(views, ctx.links));
  },
  autocomplete: autocompleteGame,
} satisfies Command;
