import { type SimUrls } from "../core";
import { APPLICATION_FLAGS, botUserObject, channelObject, guildObject, memberObject } from "../discord-objects";
import { type SimState } from "../state";

// Shapes from developers/events/gateway-events.mdx (Ready, Guild Create) and what discord.js reads from them.

/** READY: the guild is listed as unavailable; its GUILD_CREATE follows and lets the client finish starting. */
export function readyPayload(state: SimState, urls: SimUrls, sessionId: string, shard: [number, number]): Record<string, unknown> {
  return {
    v: 10,
    user: { ...botUserObject(state), mfa_enabled: false, email: null },
    user_settings: {},
    guilds: [{ id: state.guild.id, unavailable: true }],
    guild_join_requests: [],
    relationships: [],
    private_channels: [],
    presences: [],
    session_id: sessionId,
    session_type: "normal",
    resume_gateway_url: urls.gatewayUrl,
    shard,
    application: { id: state.bot.applicationId, flags: APPLICATION_FLAGS },
    auth: {},
    geo_ordered_rtc_regions: ["rotterdam", "frankfurt", "london", "madrid", "milan"],
    _trace: ['["gateway-sim",{"micros":0}]'],
  };
}

/** GUILD_CREATE for the Guilds intent: channels, roles and the bot's own member fill discord.js's caches. */
export function guildCreatePayload(state: SimState): Record<string, unknown> {
  // Channels inside GUILD_CREATE come without guild_id: the enclosing guild implies it.
  const channels = state.guild.channels.map((c) => {
    const { guild_id: _guildId, ...channel } = channelObject(state, c.id) ?? {};
    return channel;
  });
  return {
    ...guildObject(state, false),
    joined_at: state.botJoinedAt,
    large: false,
    unavailable: false,
    lazy: true,
    member_count: state.members.size + 1,
    members: [memberObject(state, state.bot.userId)],
    channels,
    threads: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    activity_instances: [],
    application_command_counts: {},
    version: Date.now(),
  };
}
