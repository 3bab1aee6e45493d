import type { Command } from "../command";
import { arcadeCommand } from "../interactions/arcade-command";
import { runPlay } from "../play/run-operation";

// The original bot's command, kept so friends' muscle memory still works.
export default {
  data: arcadeCommand("play_cartofia", "Start Cartofia and get a link to play it (same as /play game:cartofia)"),
  execute: (interaction, ctx) => runPlay(interaction, ctx, "cartofia"),
} satisfies Command;
