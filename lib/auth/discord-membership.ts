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
const guildSchema = z.object({ id: z.string(), owner_id: z.string() }).loose();

// The guild's owner changes rarely; one lookup per process per 10 minutes is plenty.
const ownerCache = new Map<string, { ownerId: string; at: number }>();
const OWNER_TTL_MS = 10 * 60_000;

async function discordGet(api: DiscordApi, path: string): Promise<Response> {
  return fetch(`${api.apiUrl}/v10${path}`, {
    headers: { authorization: `Bot ${api.botToken}`, "user-agent": "DiscordBot (cartofia-arcade, 1.0)" },
    signal: AbortSignal.timeout(5_000),
    cache: "no-store",
  });
}

async function guildOwner(api: DiscordApi): Promise<string> {
  const cached = ownerCache.get(api.guildId);
  if (cached && Date.now() - cached.at < OWNER_TTL_MS) return cached.ownerId;
  const response = await discordGet(api, `/guilds/${api.guildId}`);
  if (!response.ok) throw new Error(`Discord answered ${response.status} for the guild`);
  const guild = guildSchema.parse(await response.json());
  ownerCache.set(api.guildId, { ownerId: guild.owner_id, at: Date.now() });
  return guild.owner_id;
}

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
    const ownerId = await guildOwner(api);
    const profile = member.user ?? null;
    const avatarUrl = profile ? avatarUrlOf(profile, api.cdnUrl) : null;
    return { status: "member", roles: member.roles, isGuildOwner: ownerId === userId, nick: member.nick ?? null, profile, avatarUrl };
  } catch (error) {
    return { status: "error", reason: `Discord could not be asked about membership (${(error as Error).message})` };
  }
}
