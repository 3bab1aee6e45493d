import NextAuth from "next-auth";
import Discord from "next-auth/providers/discord";
import { readPortalEnv } from "../env";
import { createCallbacks, userFromProfile } from "./auth-callbacks";
import { secureCookiesFor } from "./cookie-security";
import { lookupMembership } from "./membership-cache";
import type { DiscordProfile } from "./session-claims";

/**
 * Auth.js v5 with Discord. Configured lazily per request so `next build` needs no secrets. Only members of
 * DISCORD_GUILD_ID get a session; membership and roles are re-checked with the bot token every 15 minutes.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = readPortalEnv();
  const api = { apiUrl: env.discord.apiUrl, cdnUrl: env.discord.cdnUrl, botToken: env.discord.botToken, guildId: env.discord.guildId };
  const lookup = (discordId: string) => lookupMembership(api, discordId);
  return {
    secret: env.auth.secret,
    // AUTH_URL pins the public origin when set; behind the gateway the forwarded host is trusted otherwise.
    trustHost: true,
    useSecureCookies: secureCookiesFor(env.auth.url),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Discord({
        clientId: env.auth.discordClientId,
        clientSecret: env.auth.discordClientSecret,
        authorization: { url: `${env.discord.apiUrl}/oauth2/authorize`, params: { scope: "identify" } },
        token: `${env.discord.apiUrl}/oauth2/token`,
        userinfo: `${env.discord.apiUrl}/users/@me`,
        checks: ["pkce", "state"],
        async profile(profile: DiscordProfile) {
          return userFromProfile(profile, await lookup(profile.id), Date.now());
        },
      }),
    ],
    callbacks: createCallbacks({ adminRoleIds: env.discord.adminRoleIds, lookup }),
  };
});
