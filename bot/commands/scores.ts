import type { Command } from "../command";
import { renderScores } from "../format/scores-embed";
import { resolveGameOrThrow } from "../games/resolve-game";
import { actingUserOf } from "../interactions/acting-user";
import { arcadeCommand } from "../interactions/arcade-command";
import { autocompleteGame, gameOption } from "../interactions/game-option";

export default {
  data: arcadeCommand("scores", "Show a game's top 5 players and your own best").addStringOption(gameOption(true)),
  async execute(interaction, ctx) {
    const as = await actingUserOf(interaction);
    const game = await resolveGameOrThrow(interaction.options.getString("game", true), ctx.catalogue);
    const scores = await ctx.arcade.getScores(game.id, { limit: 5 }, as);
    await interaction.editReply(renderScores(scores, game, ctx.links));
  },
  autocomplete: autocompleteGame,
} satisfies Command;
