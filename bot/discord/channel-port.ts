import { DiscordAPIError, RESTJSONErrorCodes, Routes, type REST } from "discord.js";
import type { MessagePayload } from "../format/payload";

export type ChannelPort = {
  /** Posts a message; `nonce` lets Discord drop a duplicate if the same post is retried within minutes. */
  post(channelId: string, payload: MessagePayload, options?: { nonce?: string }): Promise<{ id: string }>;
  /** Edits a message the bot posted; throws MessageGoneError when it was deleted. */
  edit(channelId: string, messageId: string, payload: MessagePayload): Promise<void>;
};

export class MessageGoneError extends Error {
  constructor(messageId: string, options?: { cause?: unknown }) {
    super(`message ${messageId} no longer exists`, options);
    this.name = "MessageGoneError";
  }
}

/**
 * Errors that retrying will not fix: Discord refused the request itself (unknown channel, missing access or
 * permissions, a bad body). Rate limits never get here; discord.js's REST queue waits them out.
 */
export function isPermanentDiscordError(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.status >= 400 && error.status < 500 && error.status !== 429;
}

function body(payload: MessagePayload) {
  // Names come from Discord users: never let one ping @everyone or a role.
  return { ...payload, allowed_mentions: { parse: [] } };
}

/** Channel messages through discord.js's REST client, which queues per route and respects rate limits. */
export function createChannelPort(rest: REST): ChannelPort {
  return {
    async post(channelId, payload, options = {}) {
      const extra = options.nonce ? { nonce: options.nonce, enforce_nonce: true } : {};
      const created = (await rest.post(Routes.channelMessages(channelId), { body: { ...body(payload), ...extra } })) as { id: string };
      return { id: created.id };
    },
    async edit(channelId, messageId, payload) {
      try {
        await rest.patch(Routes.channelMessage(channelId, messageId), { body: body(payload) });
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) throw new MessageGoneError(messageId, { cause: error });
        throw error;
      }
    },
  };
}
