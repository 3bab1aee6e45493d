import { type SimUser } from "./config";
import { BOT_ROLE_PERMISSIONS, EVERYONE_PERMISSIONS } from "./permissions";
import { type SimState } from "./state";

// Builders of Discord-shaped JSON (developers/resources/user.mdx, guild.mdx, channel.mdx).

type Json = Record<string, unknown>;

/** A typical bot application's flags: command badge plus the limited message-content and members intents. */
export const APPLICATION_FLAGS = (1 << 23) | (1 << 19) | (1 << 15);

/** A public user object; discriminator "0" marks a migrated (pomelo) username. */
export function userObject(user: SimUser): Json {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName ?? null,
    discriminator: "0",
    avatar: user.avatar ?? null,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

/** `GET /users/@me` for a user token: email fields only with the email scope. */
export function currentUserObject(user: SimUser, scopes: readonly string[]): Json {
  const base = { ...userObject(user), mfa_enabled: false, locale: "en-US", premium_type: 0 };
  return scopes.includes("email") ? { ...base, email: user.email ?? null, verified: true } : base;
}

/** The bot's user; bots kept four-digit discriminators when users migrated to "0". */
export function botUserObject(state: SimState): Json {
  const { userId, username } = state.bot;
  return {
    id: userId,
    username,
    global_name: null,
    discriminator: String((BigInt(userId) % 9000n) + 1000n),
    avatar: null,
    bot: true,
    verified: true,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

/** `GET /users/@me` with the bot token: the bot user plus the private fields every current-user answer has. */
export function currentBotUserObject(state: SimState): Json {
  return { ...botUserObject(state), mfa_enabled: false, locale: "en-US", premium_type: 0, email: null };
}

/** A guild member object, or null when the user is not in the guild. */
export function memberObject(state: SimState, userId: string): Json | null {
  if (userId === state.bot.userId) return memberShape(botUserObject(state), [state.botRoleId], null, state.botJoinedAt);
  const user = state.users.get(userId);
  const member = state.members.get(userId);
  if (!user || !member) return null;
  return memberShape(userObject(user), member.roles, member.nick, member.joinedAt);
}

function memberShape(user: Json, roles: string[], nick: string | null, joinedAt: string): Json {
  return {
    user,
    nick,
    avatar: null,
    banner: null,
    roles: [...roles],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
  };
}

function roleShape(id: string, name: string, position: number, permissions: bigint, extra: Json = {}): Json {
  return {
    id,
    name,
    description: null,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0,
    ...extra,
  };
}

/** @everyone (id = guild id), the configured roles, then the bot's managed integration role. */
export function roleObjects(state: SimState): Json[] {
  const { guild } = state;
  return [
    roleShape(guild.id, "@everyone", 0, EVERYONE_PERMISSIONS),
    ...guild.roles.map((role, i) => roleShape(role.id, role.name, i + 1, BigInt(role.permissions ?? "0"))),
    roleShape(state.botRoleId, state.bot.username, guild.roles.length + 1, BOT_ROLE_PERMISSIONS, {
      managed: true,
      tags: { bot_id: state.bot.userId },
    }),
  ];
}

/** A guild text channel (type 0). */
export function channelObject(state: SimState, channelId: string): Json | null {
  const index = state.guild.channels.findIndex((c) => c.id === channelId);
  const channel = state.guild.channels[index];
  if (!channel) return null;
  return {
    id: channel.id,
    type: 0,
    guild_id: state.guild.id,
    name: channel.name,
    position: index,
    permission_overwrites: [],
    topic: channel.topic ?? null,
    nsfw: false,
    last_message_id: state.messages.lastIdIn(channel.id),
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

/** `GET /guilds/{id}` (REST form, no member or channel lists). */
export function guildObject(state: SimState, withCounts: boolean): Json {
  const { guild } = state;
  const counts = withCounts ? { approximate_member_count: state.members.size + 1, approximate_presence_count: 0 } : {};
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: roleObjects(state),
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: "en-US",
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    incidents_data: null,
    home_header: null,
    // Voice regions moved to channels; guilds still carry the field with this value.
    region: "deprecated",
    nsfw: false,
    ...counts,
  };
}

/** An entry of `GET /users/@me/guilds`: owner flag and base permissions of the token's user. */
export function partialGuildObject(state: SimState, userId: string): Json {
  return {
    id: state.guild.id,
    name: state.guild.name,
    icon: null,
    banner: null,
    owner: userId === state.guild.ownerId,
    permissions: state.permissionsOf(userId).toString(),
    features: [],
  };
}
