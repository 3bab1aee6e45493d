import { discordError, missingAccess, unauthorized, type Reply } from "../http/reply";
import { type RequestContext } from "../http/router";
import { type OAuthGrant } from "../oauth/oauth-store";

/** null when the request carries the configured bot token (`Authorization: Bot <token>`), else Discord's 401. */
export function rejectUnlessBot(ctx: RequestContext): Reply | null {
  const { kind, credential } = ctx.auth;
  return kind === "bot" && ctx.state.isBotToken(credential) ? null : unauthorized();
}

/**
 * The OAuth grant behind a Bearer token that holds `scope`. Discord answers a missing scope like a bad
 * token: 401 "401: Unauthorized".
 */
export function findBearerGrant(ctx: RequestContext, scope: string): OAuthGrant | null {
  if (ctx.auth.kind !== "bearer") return null;
  const grant = ctx.state.oauth.findAccessToken(ctx.auth.credential);
  return grant?.scopes.includes(scope) ? grant : null;
}

/** null when `guildId` is the sim's guild; otherwise the answer a bot gets for any other guild. */
export function rejectUnlessOurGuild(ctx: RequestContext, guildId: string | undefined): Reply | null {
  return guildId === ctx.state.guild.id ? null : discordError(404, 10004, "Unknown Guild");
}

/** null when `applicationId` is the bot's application; Discord refuses other applications' resources. */
export function rejectUnlessOurApplication(ctx: RequestContext, applicationId: string | undefined): Reply | null {
  return applicationId === ctx.state.bot.applicationId ? null : missingAccess();
}
