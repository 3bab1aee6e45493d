import { InteractionContextType, SlashCommandBuilder } from "discord.js";

/** A slash command that exists only inside servers: in DMs there is no member, so no one for the portal to judge. */
export function arcadeCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder().setName(name).setDescription(description).setContexts(InteractionContextType.Guild);
}
