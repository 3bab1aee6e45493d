import type { ChatInputCommandInteraction } from "discord.js";
import type { ActingUser } from "@/lib/api/schemas";
import type { PowerAction } from "@/lib/api/client";
import type { BotContext } from "../command";
import type { MessagePayload } from "../format/payload";
import { resolveGameOrThrow } from "../games/resolve-game";
import { actingUserOf } from "../interactions/acting-user";
import { followOperation } from "./follow-operation";
import { renderReady, type OperationKind } from "./render-progress";

function follow(interaction: ChatInputCommandInteraction, ctx: BotContext, as: ActingUser) {
  return {
    board: ctx.board,
    refresh: (id: string) => ctx.arcade.getGame(id, as),
    edit: async (payload: MessagePayload) => {
      await interaction.editReply(payload);
    },
  };
}

/**
 * /play and its alias: ensure the game is ready, as the user who asked. A ready game gets its link at once;
 * otherwise the deferred reply follows the boot until the link (or the reason it failed) can be shown.
 */
export async function runPlay(interaction: ChatInputCommandInteraction, ctx: BotContext, input: string): Promise<void> {
  const requestedAt = Date.now();
  const as = await actingUserOf(interaction);
  const game = await resolveGameOrThrow(input, ctx.catalogue);
  const { game: view, alreadyReady } = await ctx.arcade.play(game.id, as);
  if (alreadyReady) {
    await interaction.editReply(renderReady(view, ctx.links, null));
    return;
  }
  await followOperation(follow(interaction, ctx, as), { kind: "play", initial: view, userId: as.id, links: ctx.links, requestedAt, timing: ctx.follow });
}

/** /start, /shutdown, /stop, /reboot: the portal decides whether this user may (403 comes back as its sentence). */
export async function runPower(interaction: ChatInputCommandInteraction, ctx: BotContext, action: PowerAction): Promise<void> {
  const requestedAt = Date.now();
  const as = await actingUserOf(interaction);
  const game = await resolveGameOrThrow(interaction.options.getString("game", true), ctx.catalogue);
  const now = action === "shutdown" && interaction.options.getBoolean("now") === true;
  const view = await ctx.arcade.power(game.id, action, as, now ? { delaySec: 0 } : undefined);
  const kind: OperationKind = action;
  if (action === "start" && view.state === "ready") {
    await interaction.editReply(renderReady(view, ctx.links, null));
    return;
  }
  await followOperation(follow(interaction, ctx, as), { kind, initial: view, userId: as.id, links: ctx.links, requestedAt, timing: ctx.follow });
}
