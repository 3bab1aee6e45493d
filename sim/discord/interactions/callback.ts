import { z } from "zod";
import { discordError, invalidFormBody, invalidFormBodyFromZod, jsonReply, noContent, type FormProblem, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { badLength, isObject, maxItems, maxLength, required } from "../messages/form-rules";
import { emptyMessage, MessageFlag, parseMessageBody } from "../messages/message-body";
import { type StoredMessage } from "../messages/message-store";
import { createInteractionMessage } from "./interaction-messages";
import { InteractionType, type InteractionKind, type InteractionRecord } from "./interaction-store";

// Callback types (developers/interactions/receiving-and-responding.mdx) and which interaction may use which.
const Callback = { Pong: 1, Message: 4, DeferredMessage: 5, DeferredUpdate: 6, UpdateMessage: 7, Autocomplete: 8, Modal: 9 };
const ALLOWED: Record<InteractionKind, number[]> = {
  [InteractionType.ApplicationCommand]: [Callback.Message, Callback.DeferredMessage, Callback.Modal],
  [InteractionType.MessageComponent]: [Callback.Message, Callback.DeferredMessage, Callback.DeferredUpdate, Callback.UpdateMessage, Callback.Modal],
  [InteractionType.Autocomplete]: [Callback.Autocomplete],
};

const callbackSchema = z.object({ type: z.number().int(), data: z.record(z.string(), z.unknown()).optional() });
const modalSchema = z.looseObject({ custom_id: z.string().min(1).max(100), title: z.string().min(1).max(45), components: z.array(z.unknown()).min(1).max(5) });

// "max of 25 choices"; a choice's name is 1-100 characters, a string value up to 100 (application-commands.mdx).
const MAX_CHOICES = 25;

function checkChoices(data: Record<string, unknown>): Reply | null {
  const problems: FormProblem[] = [];
  const list = data.choices;
  if (!Array.isArray(list)) required(problems, ["data", "choices"]);
  else {
    maxItems(problems, ["data", "choices"], list, MAX_CHOICES);
    list.forEach((choice: unknown, i) => {
      const entry = isObject(choice) ? choice : {};
      badLength(problems, ["data", "choices", i, "name"], entry.name, 1, 100);
      if (typeof entry.value === "string") maxLength(problems, ["data", "choices", i, "value"], entry.value, 100);
      else if (typeof entry.value !== "number") required(problems, ["data", "choices", i, "value"]);
    });
  }
  return problems.length > 0 ? invalidFormBody(problems) : null;
}

const unknownInteraction = () => discordError(404, 10062, "Unknown interaction");

type Applied = { message: StoredMessage | null } | { error: Reply };

function applyCallback(ctx: RequestContext, record: InteractionRecord, type: number, data: Record<string, unknown>): Applied {
  const { state } = ctx;
  if (type === Callback.Message) {
    const parsed = parseMessageBody(data, "create", ["data"]);
    if ("error" in parsed) return parsed;
    return { message: createInteractionMessage(state, record, parsed.body) };
  }
  if (type === Callback.DeferredMessage) {
    // For a deferred reply EPHEMERAL is the only flag that counts; the message shows "thinking" until edited.
    const ephemeral = Number(data.flags ?? 0) & MessageFlag.Ephemeral;
    return { message: createInteractionMessage(state, record, {}, ephemeral | MessageFlag.Loading) };
  }
  if (type === Callback.DeferredUpdate || type === Callback.UpdateMessage) {
    const message = record.componentMessageId ? state.messages.get(record.componentMessageId) : undefined;
    if (!message) return { error: discordError(404, 10008, "Unknown Message") };
    if (type === Callback.DeferredUpdate) return { message };
    const parsed = parseMessageBody(data, "edit", ["data"]);
    if ("error" in parsed) return parsed;
    if (state.messages.wouldBeEmpty(message.raw.id as string, parsed.body)) return { error: emptyMessage() };
    return { message: state.messages.edit(message.raw.id as string, parsed.body) ?? null };
  }
  if (type === Callback.Autocomplete) {
    const refused = checkChoices(data);
    return refused ? { error: refused } : { message: null };
  }
  const parsed = modalSchema.safeParse(data);
  return parsed.success ? { message: null } : { error: invalidFormBodyFromZod(parsed.error, ["data"]) };
}

/**
 * `POST /interactions/{id}/{token}/callback`: exactly one initial response, within the deadline (3 s by
 * default; later → 404 code 10062 and the token is dead), of a type that fits the interaction.
 */
function handleCallback(ctx: RequestContext): Reply {
  const record = ctx.state.interactions.get(ctx.params.interactionId ?? "");
  if (!record || record.token !== ctx.params.token) return unknownInteraction();
  if (record.acknowledgedAt !== null) return discordError(400, 40060, "Interaction has already been acknowledged.");
  const now = ctx.state.clock.now();
  if (record.invalidated || now - record.dispatchedAt > ctx.state.deadlineMs) {
    record.invalidated = true;
    return unknownInteraction();
  }
  const parsed = callbackSchema.safeParse(ctx.body);
  if (!parsed.success) return invalidFormBodyFromZod(parsed.error);
  const { type, data = {} } = parsed.data;
  if (!ALLOWED[record.type].includes(type)) {
    return invalidFormBody([{ path: ["type"], code: "INTERACTION_RESPONSE_TYPE_INVALID", message: `Response type ${type} is not valid for interaction type ${record.type}` }]);
  }
  const applied = applyCallback(ctx, record, type, data);
  if ("error" in applied) return applied.error;
  record.acknowledgedAt = now;
  record.originalMessageId = applied.message ? (applied.message.raw.id as string) : null;
  const flags = typeof data.flags === "number" ? data.flags : undefined;
  record.responses.push({ kind: "callback", type, ...(parsed.data.data ? { data: parsed.data.data } : {}), ...(flags !== undefined ? { flags } : {}), at: now });
  if (ctx.query.get("with_response") !== "true") return noContent();
  return jsonReply(200, callbackResponse(record, type, applied.message));
}

// `?with_response=true` answers 200 with the callback object instead of 204.
function callbackResponse(record: InteractionRecord, type: number, message: StoredMessage | null): Record<string, unknown> {
  const flags = Number(message?.raw.flags ?? 0);
  return {
    interaction: {
      id: record.id,
      type: record.type,
      activity_instance_id: null,
      response_message_id: message ? message.raw.id : null,
      response_message_loading: message ? (flags & MessageFlag.Loading) !== 0 : null,
      response_message_ephemeral: message ? (flags & MessageFlag.Ephemeral) !== 0 : null,
    },
    resource: { type, ...(message ? { message: structuredClone(message.raw) } : {}) },
  };
}

export const callbackRoutes: Route[] = [
  { method: "POST", pattern: "/interactions/:interactionId/:token/callback", handler: handleCallback, bucketExempt: true },
];
