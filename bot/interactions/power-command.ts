import type { PowerAction } from "@/lib/api/client";
import type { Command } from "../command";
import { runPower } from "../play/run-operation";
import { arcadeCommand } from "./arcade-command";
import { autocompleteGame, gameOption } from "./game-option";

/**
 * An admin command. "0" hides it from everyone but server administrators until the server owner adds an
 * override (Server Settings > Integrations); that is convenience only: the portal checks every call.
 */
export function definePowerCommand(action: PowerAction, description: string): Command {
  const data = arcadeCommand(action, description).setDefaultMemberPermissions("0").addStringOption(gameOption(true));
  // The portal's default for a shutdown: a minute's countdown on the players' pages when anyone is playing.
  if (action === "shutdown") data.addBooleanOption((option) => option.setName("now").setDescription("Skip the players' one-minute countdown"));
  return {
    data,
    execute: (interaction, ctx) => runPower(interaction, ctx, action),
    autocomplete: autocompleteGame,
  };
}
