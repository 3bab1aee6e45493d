import { type SimCore } from "../core";
import { generateInteractionToken, generateSnowflake } from "../ids";
import { type AutocompleteInput, type ButtonInput, type CommandInput } from "./dispatch-inputs";
import { InteractionType, type InteractionKind, type InteractionRecord } from "./interaction-store";
import { commandData, interactionEnvelope } from "./payloads";

type Json = Record<string, unknown>;

type Draft = { type: InteractionKind; userId: string; channelId: string; data: Json; componentMessageId: string | null; message?: Json };

/** Builds, stores and sends one INTERACTION_CREATE; the deadline clock starts as it leaves. */
function dispatchInteraction(core: SimCore, draft: Draft): InteractionRecord {
  const { state } = core;
  if (!state.hasChannel(draft.channelId)) throw new Error(`Unknown channel ${draft.channelId}: not one of the guild's channels`);
  const id = generateSnowflake();
  const token = generateInteractionToken(id);
  const payload: Json = {
    ...interactionEnvelope(state, { id, token, type: draft.type, userId: draft.userId, channelId: draft.channelId }),
    data: draft.data,
    ...(draft.message ? { message: draft.message } : {}),
  };
  const record: InteractionRecord = {
    id,
    token,
    type: draft.type,
    applicationId: state.bot.applicationId,
    guildId: state.guild.id,
    channelId: draft.channelId,
    userId: draft.userId,
    componentMessageId: draft.componentMessageId,
    dispatchedAt: state.clock.now(),
    acknowledgedAt: null,
    invalidated: false,
    originalMessageId: null,
    followupIds: [],
    responses: [],
    payload,
  };
  core.gateway.dispatch("INTERACTION_CREATE", payload);
  state.interactions.add(record);
  return record;
}

type Component = { id?: unknown; type?: unknown; custom_id?: unknown; components?: unknown; accessory?: unknown };

function findByCustomId(node: unknown, customId: string): Component | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findByCustomId(child, customId);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node !== "object" || node === null) return undefined;
  const component = node as Component;
  if (component.custom_id === customId) return component;
  return findByCustomId(component.components, customId) ?? findByCustomId(component.accessory, customId);
}

function defaultChannel(core: SimCore): string {
  const first = core.state.guild.channels[0];
  if (!first) throw new Error("The sim guild has no channels; pass channelId");
  return first.id;
}

/** A user runs a slash command (interaction type 2). */
export function dispatchCommand(core: SimCore, input: CommandInput): InteractionRecord {
  return dispatchInteraction(core, {
    type: InteractionType.ApplicationCommand,
    userId: input.userId,
    channelId: input.channelId ?? defaultChannel(core),
    data: commandData(core.state, input.name, input.options ?? []),
    componentMessageId: null,
  });
}

/** A user types into an autocomplete option (interaction type 4). */
export function dispatchAutocomplete(core: SimCore, input: AutocompleteInput): InteractionRecord {
  return dispatchInteraction(core, {
    type: InteractionType.Autocomplete,
    userId: input.userId,
    channelId: input.channelId ?? defaultChannel(core),
    data: commandData(core.state, input.name, input.options ?? [], input.focused),
    componentMessageId: null,
  });
}

/** A user presses a button on a message the bot sent (interaction type 3, component type 2). */
export function dispatchButton(core: SimCore, input: ButtonInput): InteractionRecord {
  const message = core.state.messages.get(input.messageId);
  if (!message) throw new Error(`Unknown message ${input.messageId}: buttons live on messages the bot sent`);
  const component = findByCustomId(message.raw.components, input.customId);
  if (!component) throw new Error(`Message ${input.messageId} has no component with custom_id "${input.customId}"`);
  return dispatchInteraction(core, {
    type: InteractionType.MessageComponent,
    userId: input.userId,
    channelId: input.channelId ?? message.channelId,
    // The pressed component's numeric id comes along, as in Discord's "Message Interaction Response Example".
    data: { custom_id: input.customId, component_type: typeof component.type === "number" ? component.type : 2, id: component.id },
    componentMessageId: message.raw.id as string,
    message: { ...structuredClone(message.raw), guild_id: core.state.guild.id },
  });
}
