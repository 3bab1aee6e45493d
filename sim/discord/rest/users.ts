import { applicationObject } from "../application-object";
import { botUserObject, currentBotUserObject, currentUserObject, memberObject, partialGuildObject, userObject } from "../discord-objects";
import { discordError, jsonReply, unauthorized, type Reply } from "../http/reply";
import { type RequestContext, type Route } from "../http/router";
import { findBearerGrant, rejectUnlessBot } from "./require-auth";

/** `GET /users/@me`: the bot for a bot token, the user for a Bearer token with `identify`. */
function getCurrentUser(ctx: RequestContext): Reply {
  if (ctx.auth.kind === "bot") return rejectUnlessBot(ctx) ?? jsonReply(200, currentBotUserObject(ctx.state));
  const grant = findBearerGrant(ctx, "identify");
  const user = grant && ctx.state.users.get(grant.userId);
  return user ? jsonReply(200, currentUserObject(user, grant.scopes)) : unauthorized();
}

function getCurrentUserGuilds(ctx: RequestContext): Reply {
  if (ctx.auth.kind === "bot") return rejectUnlessBot(ctx) ?? jsonReply(200, [partialGuildObject(ctx.state, ctx.state.bot.userId)]);
  const grant = findBearerGrant(ctx, "guilds");
  if (!grant) return unauthorized();
  const inGuild = ctx.state.members.has(grant.userId);
  return jsonReply(200, inGuild ? [partialGuildObject(ctx.state, grant.userId)] : []);
}

/**
 * `GET /users/@me/guilds/{guild}/member` (scope guilds.members.read). For a guild the user is not in the
 * sim answers 404 code 10004 "Unknown Guild" — reference A2 notes this is likely, not documented.
 */
function getCurrentUserMember(ctx: RequestContext): Reply {
  const grant = findBearerGrant(ctx, "guilds.members.read");
  if (!grant) return unauthorized();
  const member = ctx.params.guildId === ctx.state.guild.id ? memberObject(ctx.state, grant.userId) : null;
  return member ? jsonReply(200, member) : discordError(404, 10004, "Unknown Guild");
}

function getUser(ctx: RequestContext): Reply {
  const rejected = rejectUnlessBot(ctx);
  if (rejected) return rejected;
  const id = ctx.params.userId ?? "";
  if (id === ctx.state.bot.userId) return jsonReply(200, botUserObject(ctx.state));
  const user = ctx.state.users.get(id);
  return user ? jsonReply(200, userObject(user)) : discordError(404, 10013, "Unknown User");
}

function getApplication(ctx: RequestContext): Reply {
  return rejectUnlessBot(ctx) ?? jsonReply(200, applicationObject(ctx.state));
}

export const userRoutes: Route[] = [
  { method: "GET", pattern: "/users/@me", handler: getCurrentUser },
  { method: "GET", pattern: "/users/@me/guilds", handler: getCurrentUserGuilds },
  { method: "GET", pattern: "/users/@me/guilds/:guildId/member", handler: getCurrentUserMember },
  { method: "GET", pattern: "/users/:userId", handler: getUser },
  { method: "GET", pattern: "/applications/@me", handler: getApplication },
];
