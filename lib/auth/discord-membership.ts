import { z } from "zod";
import type { DiscordProfile } from "./session-claims";

/** `cdnUrl`: where this Discord serves avatars (lib/env derives it from the API URL). */
export type DiscordApi = { apiUrl: string; cdnUrl: string; botToken: string; guildId: string };

export type Membership =
  | { status: "member"; roles: string[]; isGuildOwner: boolean; nick: string | null; profile: DiscordProfile | null; avatarUrl: string | null }
  | { status: "not_member" }
  | { status: "error"; reason: string };

const userSchema = z.object({ id: z.string(), username: z.string(), global_name: z.string().nullable().optional(), avatar: z.string().nullable().optional() }).loose();
const memberSchema = z.object({ roles: z.array(z.string()), nick: z.string().nullable().optional(), user: userSchema.optional() }).loose();
const guildSchema = z.object({ id: z.string(), owner_id: z.string(), name: z.string() }).loose();
type Guild = z.infer<typeof guildSchema>;

// The guild's owner and name change rarely; one lookup per process per 10 minutes is plenty.
const guildCache = new Map<string, { guild: Guild; at: number }>();
const GUILD_TTL_MS = 10 * 60_000;

async function discordGet(api: DiscordApi, path: string): Promise<Response> {
  return fetch(`${api.apiUrl}/v10${path}`, {
    headers: { authorization: `Bot ${api.botToken}`, "user-agent": "DiscordBot (cartofia-arcade, 1.0)" },
    signal: AbortSignal.timeout(5_000),
    cache: "no-store",
  });
}

async function fetchGuild(api: DiscordApi): Promise<Guild> {
  const cached = guildCache.get(api.guildId);
  if (cached && Date.now() - cached.at < GUILD_TTL_MS) return cached.guild;
  const response = await discordGet(api, `/guilds/${api.guildId}`);
  if (!response.ok) throw new Error(`Discord answered ${response.status} for the guild`);
  const guild = guildSchema.parse(await response.json());
  guildCache.set(api.guildId, { guild, at: Date.now() });
  return guild;
}

/**
 * The Discord server's name as Discord has it (asked with the bot's token, cached with the owner), for pages that
 * name it to people who are not in it. Null while Discord cannot be asked: the page then says "our Discord
 * server" rather than fail.
 */
export async function lookupGuildName(api: DiscordApi): Promise<string | null> {
  const failed = guildFailedAt.get(api.guildId);
  if (failed !== undefined && Date.now() - failed < GUILD_RETRY_MS) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<null>((resolve) => (timer = setTimeout(resolve, NAME_WAIT_MS, null)));
  const asked = fetchGuild(api).then(
    (guild) => guild.name,
    () => (guildFailedAt.set(api.guildId, Date.now()), null),
  );
  // A name is a nicety: the page does not wait out Discord's full timeout for it (the answer is still cached).
  return Promise.race([asked, slow]).finally(() => clearTimeout(timer));
}

// A Discord outage costs one slow lookup per half minute, not one per page view.
const guildFailedAt = new Map<string, number>();
const GUILD_RETRY_MS = 30_000;
const NAME_WAIT_MS = 2_000;

/**
 * A user's avatar on Discord's CDN (or the simulator's), built from the id and the avatar hash Discord gave us:
 * the only image URLs the portal ever shows for a person. A hash that is not a plain hash gives no picture.
 */
export function avatarUrlOf(profile: DiscordProfile, cdnUrl: string): string | null {
  if (!profile.avatar || !/^(a_)?[0-9a-f]{32}$/.test(profile.avatar) || !/^\d{17,20}$/.test(profile.id)) return null;
  const format = profile.avatar.startsWith("a_") ? "gif" : "png";
  return `${cdnUrl}/avatars/${profile.id}/${profile.avatar}.${format}?size=64`;
}

/** The name friends know a member by in the arcade's server: nickname, then global name, then username. */
export function memberName(membership: Extract<Membership, { status: "member" }>, fallback: string): string {
  return membership.nick ?? membership.profile?.global_name ?? membership.profile?.username ?? fallback;
}

/**
 * Asks Discord, with the bot's token, whether a user is in the arcade's guild and with which roles. The bot is
 * already in the guild, so the login needs only the `identify` scope and no user token is ever kept.
 */
export async function fetchMembership(api: DiscordApi, userId: string): Promise<Membership> {
  try {
    const response = await discordGet(api, `/guilds/${api.guildId}/members/${userId}`);
    if (response.status === 404) return { status: "not_member" };
    if (!response.ok) return { status: "error", reason: `Discord answered ${response.status} when checking membership` };
    const member = memberSchema.parse(await response.json());
    const ownerId = (await fetchGuild(api)).owner_id;
    const profile = member.user ?? null;
    const avatarUrl = profile ? avatarUrlOf(profile, api.cdnUrl) : null;
    return { status: "member", roles: member.roles, isGuildOwner: ownerId === userId, nick: member.nick ?? null, profile, avatarUrl };
  } catch (error) {
    return { status: "error", reason: `Discord could not be asked about membership (${(error as Error).message})` };
  }
}
