import { jsonReply, missingAccess, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { validateCommandList } from "./command-validation";
import { rejectUnlessBot, rejectUnlessOurApplication } from "./require-auth";

/** Resolves the scope of a commands route: null for global, the guild id for guild commands. */
function scopeOf(ctx: RequestContext): { guildId: string | null } | { error: Reply } {
  const rejected = rejectUnlessBot(ctx) ?? rejectUnlessOurApplication(ctx, ctx.params.applicationId);
  if (rejected) return { error: rejected };
  const guildId = ctx.params.guildId ?? null;
  // A bot may only manage commands in guilds it is in.
  if (guildId !== null && guildId !== ctx.state.guild.id) return { error: missingAccess() };
  return { guildId };
}

function listCommands(ctx: RequestContext): Reply {
  const scope = scopeOf(ctx);
  return "error" in scope ? scope.error : jsonReply(200, ctx.state.commands.registered(scope.guildId));
}

/** Bulk overwrite: replaces every command in the scope (developers/interactions/application-commands.mdx). */
function overwriteCommands(ctx: RequestContext): Reply {
  const scope = scopeOf(ctx);
  if ("error" in scope) return scope.error;
  const checked = validateCommandList(ctx.body);
  if ("error" in checked) return checked.error;
  return jsonReply(200, ctx.state.commands.overwrite(ctx.state.bot.applicationId, scope.guildId, checked.commands));
}

export const commandRoutes: Route[] = [
  { method: "GET", pattern: "/applications/:applicationId/commands", handler: listCommands },
  { method: "PUT", pattern: "/applications/:applicationId/commands", handler: overwriteCommands },
  { method: "GET", pattern: "/applications/:applicationId/guilds/:guildId/commands", handler: listCommands },
  { method: "PUT", pattern: "/applications/:applicationId/guilds/:guildId/commands", handler: overwriteCommands },
];
