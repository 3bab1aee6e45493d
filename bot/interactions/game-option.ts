import type { AutocompleteInteraction, SlashCommandStringOption } from "discord.js";
import type { BotContext } from "../command";
import { stateEmoji, stateLabel } from "../format/game-state";
import { suggestGames } from "../games/match-game";

/** Autocomplete must answer within 3 s and cannot be deferred: give the portal at most this long. */
const AUTOCOMPLETE_BUDGET_MS = 1_500;

/** The `game:` option every game command shares. */
export function gameOption(required: boolean) {
  return (option: SlashCommandStringOption) =>
    option.setName("game").setDescription("Which game (start typing to see the list)").setRequired(required).setAutocomplete(true).setMaxLength(100);
}

/** Suggests games from the live catalogue, each labelled with its state ("Snake · 🟢 Ready"). */
export async function autocompleteGame(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused();
  const games = await ctx.catalogue.list({ timeoutMs: AUTOCOMPLETE_BUDGET_MS });
  await interaction.respond(suggestGames(typed, games, (game) => `${game.name} · ${stateEmoji[game.state]} ${stateLabel(game.state)}`));
}
