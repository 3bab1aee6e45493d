import type { JWT } from "@auth/core/jwt";
import type { Session, User } from "next-auth";
import type { Membership } from "./discord-membership";
import { type ArcadeClaims, claimsAreAdmin, claimsForLogin, type DiscordProfile, refreshClaims } from "./session-claims";

export type CallbackDeps = {
  adminRoleIds: string[];
  lookup: (discordId: string) => Promise<Membership>;
  now?: () => number;
};

/** What the Discord provider's profile() hands to the callbacks: the arcade claims, or why there are none. */
export function userFromProfile(profile: DiscordProfile, membership: Membership, now: number): User {
  const claims = claimsForLogin(profile, membership, now);
  const denial = membership.status === "not_member" ? "not-member" : membership.status === "error" ? "discord-unavailable" : undefined;
  return { id: profile.id, name: claims?.name ?? profile.username, image: claims?.avatarUrl ?? null, claims, denial };
}

/**
 * The Auth.js callbacks, apart from Auth.js so they can be tested: only members get a session (others go to
 * /denied with the reason), the token carries the Discord id and derived claims (never a Discord token), and
 * membership and roles are re-checked every 15 minutes, a removed member losing the session.
 */
export function createCallbacks({ adminRoleIds, lookup, now = Date.now }: CallbackDeps) {
  return {
    signIn({ user }: { user: User }): true | string {
      if (user.claims) return true;
      return `/denied?reason=${user.denial ?? "not-member"}`;
    },
    async jwt({ token, user, account }: { token: JWT; user?: User | null; account?: unknown }): Promise<JWT | null> {
      if (account && user?.claims) {
        token.arcade = user.claims;
        // Auth.js puts a random UUID in sub; the Discord id is what every other part of the arcade knows.
        token.sub = user.claims.discordId;
        return token;
      }
      if (!token.arcade) return null;
      const refreshed: ArcadeClaims | null = await refreshClaims(token.arcade, now(), lookup);
      if (!refreshed) return null;
      token.arcade = refreshed;
      return token;
    },
    session({ session, token }: { session: Session; token: JWT }): Session {
      const claims = token.arcade;
      if (!claims) return session;
      session.user = {
        id: claims.discordId,
        discordId: claims.discordId,
        name: claims.name,
        image: claims.avatarUrl,
        roles: claims.roles,
        isGuildOwner: claims.isGuildOwner,
        isAdmin: claimsAreAdmin(claims, adminRoleIds),
      } as Session["user"];
      return session;
    },
  };
}
