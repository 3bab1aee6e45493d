import { botUserObject, userObject } from "../discord-objects";
import { MessageFlag, type MessageBody } from "../messages/message-body";
import { type StoredMessage } from "../messages/message-store";
import { type SimState } from "../state";
import { InteractionType, type InteractionRecord } from "./interaction-store";

// Flags an interaction response may set (developers/interactions/receiving-and-responding.mdx).
const RESPONSE_FLAGS = MessageFlag.Ephemeral | MessageFlag.SuppressEmbeds | MessageFlag.ComponentsV2 | 4096;

const CHAT_INPUT_COMMAND_MESSAGE = 20;

/**
 * A message sent as an interaction response or follow-up: authored by the bot through the app's webhook,
 * in the interaction's channel unless ephemeral.
 */
export function createInteractionMessage(state: SimState, record: InteractionRecord, body: MessageBody, extraFlags = 0): StoredMessage {
  const user = state.users.get(record.userId);
  const commandName = typeof record.payload.data === "object" ? (record.payload.data as { name?: string }).name : undefined;
  const metadata = {
    id: record.id,
    type: record.type,
    user: user ? userObject(user) : null,
    authorizing_integration_owners: { "0": record.guildId },
    ...(record.type === InteractionType.ApplicationCommand ? { name: commandName, command_type: 1 } : {}),
  };
  return state.messages.create({
    channelId: record.channelId,
    guildId: record.guildId,
    author: botUserObject(state),
    body,
    type: record.type === InteractionType.ApplicationCommand ? CHAT_INPUT_COMMAND_MESSAGE : 0,
    flags: ((body.flags ?? 0) & RESPONSE_FLAGS) | extraFlags,
    extra: {
      application_id: record.applicationId,
      webhook_id: record.applicationId,
      interaction_metadata: metadata,
      interaction: { id: record.id, type: record.type, name: commandName, user: metadata.user },
    },
  });
}
