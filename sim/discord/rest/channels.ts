import { botUserObject, channelObject } from "../discord-objects";
import { discordError, jsonReply, noContent, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { emptyMessage, MessageFlag, parseMessageBody } from "../messages/message-body";
import { type StoredMessage } from "../messages/message-store";
import { rejectUnlessBot } from "./require-auth";

const unknownChannel = () => discordError(404, 10003, "Unknown Channel");
const unknownMessage = () => discordError(404, 10008, "Unknown Message");

/** Wraps a bot-token channel route: the channel must be one of the guild's. */
function channelRoute(answer: (ctx: RequestContext, channelId: string) => Reply): Route["handler"] {
  return (ctx) => {
    const rejected = rejectUnlessBot(ctx);
    if (rejected) return rejected;
    const channelId = ctx.params.channelId ?? "";
    return ctx.state.hasChannel(channelId) ? answer(ctx, channelId) : unknownChannel();
  };
}

/** A message the channel shows; ephemeral interaction replies are not reachable through channel routes. */
function findChannelMessage(ctx: RequestContext, channelId: string): StoredMessage | undefined {
  const message = ctx.state.messages.get(ctx.params.messageId ?? "");
  return message && message.channelId === channelId && message.inChannel ? message : undefined;
}

const getChannel = channelRoute((ctx, channelId) => jsonReply(200, channelObject(ctx.state, channelId)));

// Discord lists newest first, 50 by default, at most 100.
const listMessages = channelRoute((ctx, channelId) => {
  const requested = Number(ctx.query.get("limit") ?? 50);
  const limit = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), 100) : 50;
  const newestFirst = ctx.state.messages.listChannel(channelId).reverse().slice(0, limit);
  return jsonReply(200, newestFirst.map((m) => m.raw));
});

// "checked for uniqueness in the past few minutes": the window is not documented; five minutes is assumed.
const NONCE_WINDOW_MS = 5 * 60_000;

const createMessage = channelRoute((ctx, channelId) => {
  const parsed = parseMessageBody(ctx.body, "create");
  if ("error" in parsed) return parsed.error;
  const { nonce } = parsed.body;
  if (nonce !== undefined && (ctx.body as { enforce_nonce?: unknown }).enforce_nonce === true) {
    const earlier = ctx.state.messages.findByNonce(channelId, ctx.state.bot.userId, nonce, ctx.state.clock.now() - NONCE_WINDOW_MS);
    if (earlier) return jsonReply(200, earlier.raw);
  }
  // EPHEMERAL only exists for interaction responses; a channel message is always public.
  const flags = (parsed.body.flags ?? 0) & ~MessageFlag.Ephemeral;
  const stored = ctx.state.messages.create({ channelId, guildId: ctx.state.guild.id, author: botUserObject(ctx.state), body: parsed.body, flags });
  return jsonReply(200, stored.raw);
});

const getMessage = channelRoute((ctx, channelId) => {
  const message = findChannelMessage(ctx, channelId);
  return message ? jsonReply(200, message.raw) : unknownMessage();
});

const editMessage = channelRoute((ctx, channelId) => {
  const message = findChannelMessage(ctx, channelId);
  if (!message) return unknownMessage();
  const author = message.raw.author as { id?: string } | undefined;
  if (author?.id !== ctx.state.bot.userId) return discordError(403, 50005, "Cannot edit a message authored by another user");
  const parsed = parseMessageBody(ctx.body, "edit");
  if ("error" in parsed) return parsed.error;
  if (ctx.state.messages.wouldBeEmpty(message.raw.id as string, parsed.body)) return emptyMessage();
  return jsonReply(200, ctx.state.messages.edit(message.raw.id as string, parsed.body)?.raw);
});

const deleteMessage = channelRoute((ctx, channelId) => {
  const message = findChannelMessage(ctx, channelId);
  if (!message) return unknownMessage();
  ctx.state.messages.delete(message.raw.id as string);
  return noContent();
});

export const channelRoutes: Route[] = [
  { method: "GET", pattern: "/channels/:channelId", handler: getChannel },
  { method: "GET", pattern: "/channels/:channelId/messages", handler: listMessages },
  { method: "POST", pattern: "/channels/:channelId/messages", handler: createMessage },
  { method: "GET", pattern: "/channels/:channelId/messages/:messageId", handler: getMessage },
  { method: "PATCH", pattern: "/channels/:channelId/messages/:messageId", handler: editMessage },
  { method: "DELETE", pattern: "/channels/:channelId/messages/:messageId", handler: deleteMessage },
];
