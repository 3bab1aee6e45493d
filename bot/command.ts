import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { ArcadeClient } from "@/lib/api/client";
import type { Links } from "./format/payload";
import type { GameBoard } from "./games/game-board";
import type { GameCatalogue } from "./games/game-catalogue";
import type { Logger } from "./log";
import type { FollowTiming } from "./play/follow-operation";

/** What commands may use: the portal's API (always as the user who ran the command), the live board, links. */
export type BotContext = {
  /** The arcade's Discord server: the only one whose members the bot acts for. */
  guildId: string;
  arcade: ArcadeClient;
  board: GameBoard;
  catalogue: GameCatalogue;
  links: Links;
  log: Logger;
  follow?: Partial<FollowTiming>;
};

/**
 * One slash command, one file in bot/commands: `data` is what `npm run bot:deploy` registers, `execute` runs
 * after the router has deferred the reply (ephemeral), so it only ever edits it.
 */
export type Command = {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
};

export function isCommand(value: unknown): value is Command {
  const candidate = value as Partial<Command> | null;
  return typeof candidate?.data?.name === "string" && typeof candidate.data.toJSON === "function" && typeof candidate.execute === "function";
}
