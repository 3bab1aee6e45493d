import { MessageFlags, type ChatInputCommandInteraction } from "discord.js";
import type { MessagePayload } from "../format/payload";

/**
 * Shows an answer that takes several messages: the deferred (ephemeral) reply becomes the first, the rest
 * follow as ephemeral follow-ups in order, so only the person who asked sees them, as with the reply itself.
 */
export async function replyInPages(interaction: Pick<ChatInputCommandInteraction, "editReply" | "followUp">, pages: MessagePayload[]): Promise<void> {
  const [first, ...rest] = pages;
  if (!first) return;
  await interaction.editReply(first);
  for (const page of rest) await interaction.followUp({ ...page, flags: MessageFlags.Ephemeral });
}
