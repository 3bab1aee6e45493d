import { z } from "zod";
import { jsonReply, noContent, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { dispatchAutocomplete, dispatchButton, dispatchCommand } from "../interactions/dispatch";
import { autocompleteInputSchema, buttonInputSchema, commandInputSchema } from "../interactions/dispatch-inputs";
import { type InteractionRecord } from "../interactions/interaction-store";
import { describeInteraction } from "../interactions/sim-interaction";
import { toSimMessage } from "../messages/sim-message";

// JSON endpoints under /__sim for tests that run the sim in another process. Errors are { error: sentence }.

const memberUpdateSchema = z.union([
  z.object({ member: z.null() }),
  z.object({ roles: z.array(z.string()), nick: z.string().nullable().optional() }),
]);
const clockSchema = z.object({ advanceMs: z.number().nonnegative() });
const rateLimitSchema = z.object({ route: z.string().min(1), times: z.number().int().positive(), retryAfterMs: z.number().int().positive().optional() });

const problem = (status: number, error: string): Reply => jsonReply(status, { error });

/** Runs an action that may throw a sentence (unknown user, no gateway session…) and answers 400 with it. */
function attempt(action: () => Reply): Reply {
  try {
    return action();
  } catch (error) {
    return problem(400, error instanceof Error ? error.message : String(error));
  }
}

function parsed<T>(schema: z.ZodType<T>, body: unknown, use: (value: T) => Reply): Reply {
  const result = schema.safeParse(body ?? {});
  return result.success ? attempt(() => use(result.data)) : problem(400, z.prettifyError(result.error));
}

function dispatchRoute<T>(schema: z.ZodType<T>, dispatch: (ctx: RequestContext, input: T) => InteractionRecord): Route["handler"] {
  return (ctx) =>
    parsed(schema, ctx.body, (input) => {
      const record = dispatch(ctx, input);
      return jsonReply(200, { id: record.id, token: record.token, dispatchedAt: record.dispatchedAt });
    });
}

function listMessages(ctx: RequestContext): Reply {
  const channelId = ctx.params.channelId ?? "";
  if (!ctx.state.hasChannel(channelId)) return problem(404, `Unknown channel ${channelId}`);
  return jsonReply(200, ctx.state.messages.listChannel(channelId).map(toSimMessage));
}

function setMember(ctx: RequestContext): Reply {
  const userId = ctx.params.userId ?? "";
  return parsed(memberUpdateSchema, ctx.body, (update) => {
    ctx.state.setMember(userId, "member" in update ? null : update);
    return jsonReply(200, { userId, member: ctx.state.members.get(userId) ?? null });
  });
}

function getInteraction(ctx: RequestContext): Reply {
  const record = ctx.state.interactions.get(ctx.params.interactionId ?? "");
  return record ? jsonReply(200, describeInteraction(ctx.state, record)) : problem(404, `Unknown interaction ${ctx.params.interactionId}`);
}

export const controlRoutes: Route[] = [
  { method: "GET", pattern: "/requests", handler: (ctx) => jsonReply(200, ctx.state.requests) },
  {
    method: "POST",
    pattern: "/requests/clear",
    handler: (ctx) => {
      ctx.state.requests.length = 0;
      return noContent();
    },
  },
  { method: "GET", pattern: "/messages/:channelId", handler: listMessages },
  { method: "POST", pattern: "/members/:userId", handler: setMember },
  { method: "POST", pattern: "/dispatch/command", handler: dispatchRoute(commandInputSchema, (ctx, input) => dispatchCommand(ctx.core, input)) },
  { method: "POST", pattern: "/dispatch/autocomplete", handler: dispatchRoute(autocompleteInputSchema, (ctx, input) => dispatchAutocomplete(ctx.core, input)) },
  { method: "POST", pattern: "/dispatch/button", handler: dispatchRoute(buttonInputSchema, (ctx, input) => dispatchButton(ctx.core, input)) },
  { method: "GET", pattern: "/interactions/:interactionId", handler: getInteraction },
  { method: "GET", pattern: "/commands", handler: (ctx) => jsonReply(200, ctx.state.commands.payloads(ctx.query.get("guildId"))) },
  { method: "GET", pattern: "/gateway", handler: (ctx) => jsonReply(200, { connections: ctx.core.gateway.connections() }) },
  {
    method: "POST",
    pattern: "/gateway/disconnect",
    handler: (ctx) => {
      ctx.core.gateway.disconnectAll();
      return noContent();
    },
  },
  {
    method: "POST",
    pattern: "/clock",
    handler: (ctx) =>
      parsed(clockSchema, ctx.body, ({ advanceMs }) => {
        ctx.state.clock.advance(advanceMs);
        return jsonReply(200, { now: ctx.state.clock.now() });
      }),
  },
  {
    method: "POST",
    pattern: "/rate-limit",
    handler: (ctx) =>
      parsed(rateLimitSchema, ctx.body, ({ route, times, retryAfterMs }) => {
        ctx.state.rateLimits.inject(route, times, retryAfterMs);
        return noContent();
      }),
  },
];
