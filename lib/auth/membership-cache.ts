import { type DiscordApi, fetchMembership, type Membership } from "./discord-membership";

const TTL_MS = 60_000;
// A failed lookup is remembered briefly too, so a Discord outage costs one slow call per user, not one per page.
const ERROR_TTL_MS = 10_000;
const cache = new Map<string, { membership: Membership; at: number }>();

/**
 * Membership lookups shared by every request of a user for a minute. Server components cannot rewrite the
 * session cookie, so a due re-check may run on several requests in a row; this keeps that to one Discord call.
 */
export async function lookupMembership(api: DiscordApi, userId: string): Promise<Membership> {
  const hit = cache.get(userId);
  if (hit && Date.now() - hit.at < (hit.membership.status === "error" ? ERROR_TTL_MS : TTL_MS)) return hit.membership;
  const membership = await fetchMembership(api, userId);
  cache.set(userId, { membership, at: Date.now() });
  return membership;
}
