import { authenticateBearer, type ActingUserCheck, type Caller } from "../api/authenticate-bearer";
import type { PortalEnv } from "../env";
import { ArcadeError } from "../errors";
import { auth } from "./auth";
import { memberName } from "./discord-membership";
import { lookupMembership } from "./membership-cache";
import { isSameOrigin } from "./same-origin";

/** The bot's acting user, judged like a web login: the same bot-token lookup and cache as sign-in. */
function actingUserChecker(env: PortalEnv) {
  const api = { apiUrl: env.discord.apiUrl, cdnUrl: env.discord.cdnUrl, botToken: env.discord.botToken, guildId: env.discord.guildId };
  return async (discordId: string): Promise<ActingUserCheck> => {
    const membership = await lookupMembership(api, discordId);
    if (membership.status !== "member") return membership;
    return {
      status: "member",
      actor: {
        kind: "user",
        discordId,
        name: memberName(membership, "A Discord member"),
        avatarUrl: membership.avatarUrl,
        roles: membership.roles,
        isGuildOwner: membership.isGuildOwner,
      },
    };
  };
}

/** Who is calling: the API token (maybe acting for a Discord user), or a signed-in member's session. */
export async function getCallerOrThrow(request: Request, env: PortalEnv): Promise<Caller> {
  const bearer = await authenticateBearer(request, env.apiToken, actingUserChecker(env));
  if (bearer) return bearer;
  const session = await auth();
  const user = session?.user;
  if (!user?.discordId) throw new ArcadeError("unauthorized:session", "Sign in with Discord first.");
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request, env.auth.url)) {
    throw new ArcadeError("forbidden:origin", "This request came from another site and was refused.");
  }
  return {
    actor: { kind: "user", discordId: user.discordId, name: user.name, avatarUrl: user.image, roles: user.roles, isGuildOwner: user.isGuildOwner },
    source: "web",
  };
}
