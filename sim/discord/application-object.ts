import { APPLICATION_FLAGS, botUserObject, userObject } from "./discord-objects";
import { type SimState } from "./state";

/**
 * `GET /applications/@me` for the bot token: every member the OpenAPI description marks as always present
 * (PrivateApplicationResponse), with the values a small private bot has. The owner is the guild's owner.
 */
export function applicationObject(state: SimState): Record<string, unknown> {
  const { bot, guild } = state;
  // The config check guarantees the owner is a configured user.
  const owner = state.users.get(guild.ownerId)!;
  const client = state.config.oauthClients.find((c) => c.clientId === bot.applicationId);
  return {
    id: bot.applicationId,
    name: client?.name ?? bot.username,
    icon: null,
    description: "",
    type: null,
    bot: botUserObject(state),
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: "0".repeat(64),
    flags: APPLICATION_FLAGS,
    flags_new: String(APPLICATION_FLAGS),
    redirect_uris: client?.redirectUris ?? [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    event_webhooks_url: null,
    event_webhooks_status: 1,
    owner: userObject(owner),
    team: null,
    approximate_guild_count: 1,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    explicit_content_filter: 0,
    eligible_oauth2_scopes: ["applications.commands", "bot", "identify", "guilds", "guilds.members.read", "email"],
    integration_types_config: { "0": {} },
    tags: [],
  };
}
