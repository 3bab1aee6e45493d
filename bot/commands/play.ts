import type { Command } from "../command";
import { arcadeCommand } from "../interactions/arcade-command";
import { autocompleteGame, gameOption } from "../interactions/game-option";
import { runPlay } from "../play/run-operation";

export default {
  data: arcadeCommand("play", "Start a game if needed and get a link to play it once it is ready").addStringOption(gameOption(true)),
  execute: (interaction, ctx) => runPlay(interaction, ctx, interaction.options.getString("game", true)),
  autocomplete: autocompleteGame,
} satisfies Command;
