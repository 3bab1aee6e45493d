import { discordError, jsonReply, noContent, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { emptyMessage, parseMessageBody } from "../messages/message-body";
import { createInteractionMessage } from "./interaction-messages";
import { INTERACTION_TOKEN_TTL_MS, type InteractionRecord } from "./interaction-store";

const unknownMessage = () => discordError(404, 10008, "Unknown Message");

/**
 * The interaction behind `/webhooks/{application}/{token}`. Unknown → 404 10015 "Unknown Webhook"; a token
 * killed by a late first response or older than 15 minutes → 401 50027 "Invalid Webhook Token".
 */
function findInteraction(ctx: RequestContext): { record: InteractionRecord } | { error: Reply } {
  const record = ctx.state.interactions.findByToken(ctx.params.token ?? "");
  if (!record || record.applicationId !== ctx.params.applicationId) return { error: discordError(404, 10015, "Unknown Webhook") };
  if (record.invalidated || ctx.state.clock.now() - record.dispatchedAt > INTERACTION_TOKEN_TTL_MS) {
    return { error: discordError(401, 50027, "Invalid Webhook Token") };
  }
  return { record };
}

/** `@original` or one of the interaction's follow-ups; anything else is not this webhook's message. */
function resolveMessageId(record: InteractionRecord, messageId: string): string | null {
  if (messageId === "@original") return record.originalMessageId;
  return messageId === record.originalMessageId || record.followupIds.includes(messageId) ? messageId : null;
}

function withMessage(answer: (ctx: RequestContext, record: InteractionRecord, messageId: string) => Reply): Route["handler"] {
  return (ctx) => {
    const found = findInteraction(ctx);
    if ("error" in found) return found.error;
    const messageId = resolveMessageId(found.record, ctx.params.messageId ?? "");
    if (messageId === null || !ctx.state.messages.get(messageId)) return unknownMessage();
    return answer(ctx, found.record, messageId);
  };
}

const getMessage = withMessage((ctx, _record, messageId) => jsonReply(200, ctx.state.messages.get(messageId)?.raw));

const editMessage = withMessage((ctx, record, messageId) => {
  const parsed = parseMessageBody(ctx.body, "edit");
  if ("error" in parsed) return parsed.error;
  if (ctx.state.messages.wouldBeEmpty(messageId, parsed.body)) return emptyMessage();
  const edited = ctx.state.messages.edit(messageId, parsed.body);
  record.responses.push({ kind: "edit", body: ctx.body, at: ctx.state.clock.now() });
  return jsonReply(200, edited?.raw);
});

const deleteMessage = withMessage((ctx, _record, messageId) => {
  ctx.state.messages.delete(messageId);
  return noContent();
});

/** Follow-ups need an acknowledged interaction; "`wait` is always true" for them, so the message comes back. */
function createFollowup(ctx: RequestContext): Reply {
  const found = findInteraction(ctx);
  if ("error" in found) return found.error;
  const { record } = found;
  if (record.acknowledgedAt === null) return discordError(404, 10015, "Unknown Webhook");
  const parsed = parseMessageBody(ctx.body, "create");
  if ("error" in parsed) return parsed.error;
  const message = createInteractionMessage(ctx.state, record, parsed.body);
  record.followupIds.push(message.raw.id as string);
  record.responses.push({ kind: "followup", body: ctx.body, at: ctx.state.clock.now() });
  return jsonReply(200, message.raw);
}

export const webhookRoutes: Route[] = [
  { method: "POST", pattern: "/webhooks/:applicationId/:token", handler: createFollowup },
  { method: "GET", pattern: "/webhooks/:applicationId/:token/messages/:messageId", handler: getMessage },
  { method: "PATCH", pattern: "/webhooks/:applicationId/:token/messages/:messageId", handler: editMessage },
  { method: "DELETE", pattern: "/webhooks/:applicationId/:token/messages/:messageId", handler: deleteMessage },
];
