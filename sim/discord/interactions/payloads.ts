import { channelObject, memberObject } from "../discord-objects";
import { generateSnowflake } from "../ids";
import { type SimState } from "../state";
import { type CommandOptionInput } from "./dispatch-inputs";
import { type InteractionKind } from "./interaction-store";

type Json = Record<string, unknown>;

// Option types (developers/interactions/application-commands.mdx): STRING 3, INTEGER 4, BOOLEAN 5, NUMBER 10.
function inferOptionType(value: string | number | boolean): number {
  if (typeof value === "boolean") return 5;
  if (typeof value === "number") return Number.isInteger(value) ? 4 : 10;
  return 3;
}

/**
 * `data` of a chat-input interaction. When the command is registered, its id and option types are used and
 * an option it does not declare is a test mistake worth a loud error; otherwise types are inferred.
 */
export function commandData(state: SimState, name: string, options: CommandOptionInput[], focused?: { name: string; value: string }): Json {
  const registered = state.commands.findByName(state.guild.id, name);
  const declared = Array.isArray(registered?.options) ? (registered.options as Array<{ name: string; type: number }>) : null;
  const typeOf = (option: { name: string; type?: number; value: string | number | boolean }) => {
    const known = declared?.find((d) => d.name === option.name);
    if (declared && !known) {
      const names = declared.map((d) => d.name).join(", ") || "none";
      throw new Error(`Command "${name}" has no option "${option.name}" (registered options: ${names})`);
    }
    return option.type ?? known?.type ?? inferOptionType(option.value);
  };
  const payloadOptions: Json[] = options
    .filter((o) => o.name !== focused?.name)
    .map((o) => ({ name: o.name, type: typeOf(o), value: o.value }));
  // Discord sends the focused option's partial text as a string whatever the option's type.
  if (focused) payloadOptions.push({ name: focused.name, type: typeOf({ ...focused }), value: focused.value, focused: true });
  return {
    id: registered?.id ?? generateSnowflake(),
    name,
    type: 1,
    ...(typeof registered?.guild_id === "string" ? { guild_id: registered.guild_id } : {}),
    options: payloadOptions,
  };
}

/** The fields every guild interaction carries (developers/interactions/receiving-and-responding.mdx). */
export function interactionEnvelope(
  state: SimState,
  input: { id: string; token: string; type: InteractionKind; userId: string; channelId: string },
): Json {
  const member = memberObject(state, input.userId);
  if (!member) throw new Error(`User ${input.userId} is not a member of the guild: Discord only lets members run commands`);
  const permissions = state.permissionsOf(input.userId).toString();
  const guildId = state.guild.id;
  return {
    id: input.id,
    application_id: state.bot.applicationId,
    type: input.type,
    token: input.token,
    version: 1,
    guild_id: guildId,
    guild: { id: guildId, locale: "en-US", features: [] },
    channel_id: input.channelId,
    channel: { ...channelObject(state, input.channelId), permissions },
    member: { ...member, permissions },
    app_permissions: state.permissionsOf(state.bot.userId).toString(),
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}
