import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction } from "discord.js";
import { ArcadeError } from "@/lib/errors";
import type { BotContext, Command } from "../command";
import { message } from "../format/payload";
import { describeFailure } from "./describe-failure";

async function replyWithError(interaction: ChatInputCommandInteraction, error: unknown, ctx: BotContext): Promise<void> {
  const { sentence, unexpected } = describeFailure(error);
  if (unexpected) ctx.log.error(`/${interaction.commandName} failed`, error);
  const payload = message(`⚠️ ${sentence}`);
  try {
    if (interaction.deferred || interaction.replied) await interaction.editReply(payload);
    else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  } catch (replyError) {
    // Usually a token that expired (15 min) or an interaction that was never acknowledged in time.
    ctx.log.warn(`could not tell the user that /${interaction.commandName} failed`, replyError);
  }
}

async function answerAutocomplete(interaction: AutocompleteInteraction, command: Command | undefined, ctx: BotContext): Promise<void> {
  try {
    if (command?.autocomplete) await command.autocomplete(interaction, ctx);
    else await interaction.respond([]);
  } catch (error) {
    ctx.log.warn(`autocomplete for /${interaction.commandName} failed`, error);
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

/**
 * The one place interactions enter: every command is deferred (ephemeral) before anything that could be slow,
 * well inside Discord's 3 seconds, and one catch turns any failure into an ephemeral sentence.
 */
export function createInteractionRouter(commands: ReadonlyMap<string, Command>, ctx: BotContext): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    // The portal trusts the user the bot names, so only members of the arcade's own server are ever named.
    const foreign = interaction.guildId !== ctx.guildId;
    if (interaction.isAutocomplete()) return answerAutocomplete(interaction, foreign ? undefined : commands.get(interaction.commandName), ctx);
    if (!interaction.isChatInputCommand()) return;
    try {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      if (foreign) throw new ArcadeError("forbidden:guild", "This bot only works in the arcade's own Discord server.");
      const command = commands.get(interaction.commandName);
      if (!command) throw new ArcadeError("not_found:command", `This bot does not know /${interaction.commandName}; an admin should run \`npm run bot:deploy\`.`);
      await command.execute(interaction, ctx);
    } catch (error) {
      await replyWithError(interaction, error, ctx);
    }
  };
}
