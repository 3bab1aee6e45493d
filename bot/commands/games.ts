import type { Command } from "../command";
import { renderGamesList } from "../format/games-list";
import { actingUserOf } from "../interactions/acting-user";
import { arcadeCommand } from "../interactions/arcade-command";
import { replyInPages } from "../interactions/reply-in-pages";

export default {
  data: arcadeCommand("games", "List the arcade's games and whether each is running"),
  async execute(interaction, ctx) {
    const views = await ctx.arcade.listGames(await actingUserOf(interaction));
    await replyInPages(interaction, renderGamesList(views, ctx.links));
  },
} satisfies Command;
