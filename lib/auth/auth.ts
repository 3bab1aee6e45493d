import NextAuth from "next-auth";
import Discord from "next-auth/providers/discord";
import { readPortalEnv } from "../env";
import { lookupMembership } from "./membership-cache";
import { claimsAreAdmin, claimsForLogin, type DiscordProfile, refreshClaims } from "./session-claims";

/**
 * Auth.js v5 with Discord. Configured lazily per request so `next build` needs no secrets. Only members of
 * DISCORD_GUILD_ID get a session; membership and roles are re-checked with the bot token every 15 minutes.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = readPortalEnv();
  const api = { apiUrl: env.discord.apiUrl, botToken: env.discord.botToken, guildId: env.discord.guildId };
  return {
    secret: env.auth.secret,
    // AUTH_URL pins the public origin when set; behind the gateway the forwarded host is trusted otherwise.
    trustHost: true,
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
          const membership = await lookupMembership(api, profile.id);
          const claims = claimsForLogin(profile, membership, Date.now());
          const denial = membership.status === "not_member" ? "not-member" : membership.status === "error" ? "discord-unavailable" : undefined;
          return { id: profile.id, name: claims?.name ?? profile.username, image: claims?.avatarUrl ?? null, claims, denial };
        },
      }),
    ],
    callbacks: {
      signIn({ user }) {
        if (user.claims) return true;
        return `/denied?reason=${user.denial ?? "not-member"}`;
      },
      async jwt({ token, user, account }) {
        if (account && user?.claims) {
          token.arcade = user.claims;
          token.sub = user.claims.discordId;
          return token;
        }
        if (!token.arcade) return null;
        const refreshed = await refreshClaims(token.arcade, Date.now(), (id) => lookupMembership(api, id));
        if (!refreshed) return null;
        token.arcade = refreshed;
        return token;
      },
      session({ session, token }) {
        const claims = token.arcade;
        if (!claims) return session;
        session.user = {
          id: claims.discordId,
          discordId: claims.discordId,
          name: claims.name,
          image: claims.avatarUrl,
          roles: claims.roles,
          isGuildOwner: claims.isGuildOwner,
          isAdmin: claimsAreAdmin(claims, env.discord.adminRoleIds),
        } as typeof session.user;
        return session;
      },
    },
  };
});
