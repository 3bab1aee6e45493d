import { isAdmin } from "../authz";
import { memberName, type Membership } from "./discord-membership";

/** What the session cookie carries about a player; never a Discord token. */
export type ArcadeClaims = {
  discordId: string;
  name: string;
  avatarUrl: string | null;
  roles: string[];
  isGuildOwner: boolean;
  /** Epoch ms of the last membership check (a failed one pushes it so the next try is a minute later). */
  checkedAt: number;
  /** Epoch ms of the last check Discord answered; absent in sessions from before it existed. */
  verifiedAt?: number;
};

export const RECHECK_AFTER_MS = 15 * 60_000;
/** After a failed re-check, try again this soon rather than on every request. */
export const RETRY_AFTER_ERROR_MS = 60_000;
/**
 * How long a session lives on while Discord cannot be asked (an outage, a revoked bot token): long enough that
 * friends keep playing through a Discord hiccup, short enough that a removal is not hidden for days.
 */
export const MAX_UNVERIFIED_MS = 6 * 60 * 60_000;

export type DiscordProfile = { id: string; username: string; global_name?: string | null; avatar?: string | null };

/** Claims for a fresh login, or null when the user may not enter. */
export function claimsForLogin(profile: DiscordProfile, membership: Membership, now: number): ArcadeClaims | null {
  if (membership.status !== "member") return null;
  return {
    discordId: profile.id,
    name: memberName(membership, profile.global_name ?? profile.username),
    // From the bot-token lookup, built on the configured CDN: never a URL taken from elsewhere.
    avatarUrl: membership.avatarUrl,
    roles: membership.roles,
    isGuildOwner: membership.isGuildOwner,
    checkedAt: now,
    verifiedAt: now,
  };
}

/**
 * Re-checks membership at most every 15 minutes: a friend removed from the server loses access (null), a role
 * or name change shows up. If Discord cannot be asked, the session keeps its claims and tries again a minute
 * later, for at most MAX_UNVERIFIED_MS after Discord last answered.
 */
export async function refreshClaims(claims: ArcadeClaims, now: number, lookup: (discordId: string) => Promise<Membership>): Promise<ArcadeClaims | null> {
  if (now - claims.checkedAt < RECHECK_AFTER_MS) return claims;
  const membership = await lookup(claims.discordId);
  if (membership.status === "not_member") return null;
  if (membership.status === "error") {
    if (now - (claims.verifiedAt ?? claims.checkedAt) > MAX_UNVERIFIED_MS) return null;
    return { ...claims, checkedAt: now - RECHECK_AFTER_MS + RETRY_AFTER_ERROR_MS };
  }
  return {
    ...claims,
    name: memberName(membership, claims.name),
    avatarUrl: membership.profile ? membership.avatarUrl : claims.avatarUrl,
    roles: membership.roles,
    isGuildOwner: membership.isGuildOwner,
    checkedAt: now,
    verifiedAt: now,
  };
}

export function claimsAreAdmin(claims: ArcadeClaims, adminRoleIds: string[]): boolean {
  return isAdmin({ kind: "user", discordId: claims.discordId, name: claims.name, avatarUrl: claims.avatarUrl, roles: claims.roles, isGuildOwner: claims.isGuildOwner }, { adminRoleIds });
}
