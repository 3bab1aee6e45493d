import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { Events, type Client } from "discord.js";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import demoConfig from "@/sim/discord/demo-config.json";
import { type DiscordSim } from "@/sim/discord";
import { startSimWithClient, type SimWithClient } from "../support/discord-sim-client";

// The fields Discord documents as always present, with their types, written from the API reference
// (developers/resources/user.mdx, application.mdx, guild.mdx, message.mdx, components/reference.mdx,
// topics/permissions.mdx) and the required members of discord/discord-api-spec's OpenAPI description.
// A missing key fails: z.string().nullable() accepts null, not absence.

const snowflake = z.string().regex(/^\d{17,20}$/);
const int = z.number().int();
const nullableString = z.string().nullable();
const timestamp = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/, "Discord's ISO 8601 form, e.g. 2017-03-13T19:19:14.040000+00:00");

const user = z.object({
  id: snowflake, username: z.string(), avatar: nullableString, discriminator: z.string(), public_flags: int, flags: int,
  global_name: nullableString, primary_guild: z.object({}).passthrough().nullable(),
});
const currentUser = user.extend({ mfa_enabled: z.boolean(), locale: z.string().min(2) });
const application = z.object({
  id: snowflake, name: z.string(), icon: nullableString, description: z.string(), type: int.nullable(), verify_key: z.string(),
  flags: int, flags_new: z.string(), redirect_uris: z.array(z.string()), interactions_endpoint_url: nullableString,
  role_connections_verification_url: nullableString, owner: user, approximate_guild_count: int, approximate_user_install_count: int,
  approximate_user_authorization_count: int, explicit_content_filter: int, team: z.object({}).passthrough().nullable(), eligible_oauth2_scopes: z.array(z.string()),
});
const role = z.object({
  id: snowflake, name: z.string(), permissions: z.string().regex(/^\d+$/), position: int, color: int, colors: z.object({ primary_color: int }),
  hoist: z.boolean(), managed: z.boolean(), mentionable: z.boolean(), icon: nullableString, unicode_emoji: nullableString, flags: int,
});
const nullableId = snowflake.nullable();
const guild = z.object({
  id: snowflake, name: z.string(), icon: nullableString, description: nullableString, home_header: nullableString, splash: nullableString,
  discovery_splash: nullableString, features: z.array(z.string()), banner: nullableString, owner_id: snowflake, application_id: nullableId,
  region: z.string(), afk_channel_id: nullableId, afk_timeout: int, system_channel_id: nullableId, system_channel_flags: int, widget_enabled: z.boolean(),
  widget_channel_id: nullableId, verification_level: int, roles: z.array(role), default_message_notifications: int, mfa_level: int,
  explicit_content_filter: int, max_presences: int.nullable(), max_members: int, max_stage_video_channel_users: int, max_video_channel_users: int,
  vanity_url_code: nullableString, premium_tier: int, premium_subscription_count: int, preferred_locale: z.string(), rules_channel_id: nullableId,
  safety_alerts_channel_id: nullableId, public_updates_channel_id: nullableId, premium_progress_bar_enabled: z.boolean(), nsfw: z.boolean(),
  nsfw_level: int, emojis: z.array(z.unknown()), stickers: z.array(z.unknown()), incidents_data: z.object({}).passthrough().nullable(),
});
const member = z.object({
  avatar: nullableString, banner: nullableString, communication_disabled_until: nullableString, flags: int, joined_at: timestamp,
  nick: nullableString, pending: z.boolean(), premium_since: nullableString, roles: z.array(snowflake), user, mute: z.boolean(), deaf: z.boolean(),
});
const myGuild = z.object({ id: snowflake, name: z.string(), icon: nullableString, banner: nullableString, owner: z.boolean(), permissions: z.string(), features: z.array(z.string()) });
const channel = z.object({ id: snowflake, type: int, flags: int, guild_id: snowflake, name: z.string(), position: int });
const embed = z.looseObject({
  type: z.literal("rich"),
  fields: z.array(z.object({ name: z.string(), value: z.string(), inline: z.boolean() })).optional(),
  footer: z.object({ text: z.string() }).optional(),
});
const button = z.object({ type: z.literal(2), id: int.positive(), style: int });
const actionRow = z.object({ type: z.literal(1), id: int.positive(), components: z.array(button) });
const message = z.object({
  id: snowflake, channel_id: snowflake, author: user, content: z.string(), timestamp, edited_timestamp: timestamp.nullable(), tts: z.boolean(),
  mention_everyone: z.boolean(), mentions: z.array(z.unknown()), mention_roles: z.array(z.unknown()), attachments: z.array(z.unknown()),
  embeds: z.array(embed), pinned: z.boolean(), type: int, flags: int, components: z.array(actionRow),
});
const command = z.object({
  id: snowflake, application_id: snowflake, version: snowflake, default_member_permissions: z.string().nullable(), type: int, name: z.string(), description: z.string(),
});
const gatewayBot = z.object({
  url: z.string(), shards: int, session_start_limit: z.object({ total: int, remaining: int, reset_after: int, max_concurrency: int }),
});

const { bot } = demoConfig;
const guildId = demoConfig.guild.id;
const channelId = demoConfig.guild.channels[0]!.id;
const player = demoConfig.users.find((u) => u.username === "demo_player")!;
const client = demoConfig.oauthClients[0]!;
const botAuth = { Authorization: `Bot ${bot.token}` };

let sim: DiscordSim;
let discord: Client;

let running: SimWithClient | undefined;

beforeAll(async () => {
  running = await startSimWithClient();
  ({ sim, client: discord } = running);
});

afterAll(() => running?.close());

async function get(path: string, headers: Record<string, string> = botAuth): Promise<unknown> {
  const response = await fetch(`${sim.apiUrl}/v10${path}`, { headers });
  expect(response.status, path).toBe(200);
  return response.json();
}

async function post(path: string, body: unknown, headers: Record<string, string> = botAuth): Promise<unknown> {
  const response = await fetch(`${sim.apiUrl}/v10${path}`, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status, path).toBe(200);
  return response.json();
}

/** A user access token the way Auth.js gets one: authorize with PKCE, then exchange the code. */
async function userToken(scope: string): Promise<string> {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const redirectUri = "http://localhost:3000/api/auth/callback/discord";
  const query = new URLSearchParams({ client_id: client.clientId, response_type: "code", redirect_uri: redirectUri, scope, login_hint: player.username, code_challenge: challenge, code_challenge_method: "S256" });
  const authorized = await fetch(`${sim.apiUrl}/oauth2/authorize?${query}`, { redirect: "manual" });
  const code = new URL(authorized.headers.get("location")!).searchParams.get("code")!;
  const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64");
  const exchanged = await fetch(`${sim.apiUrl}/oauth2/token`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier }),
  });
  return ((await exchanged.json()) as { access_token: string }).access_token;
}

describe("sim/discord answers with the fields Discord always sends", () => {
  it("GET /users/@me, for a user token (with email and verified under the email scope) and for the bot", async () => {
    const bearer = { Authorization: `Bearer ${await userToken("identify email guilds guilds.members.read")}` };
    const me = currentUser.extend({ email: nullableString, verified: z.boolean() }).parse(await get("/users/@me", bearer));
    expect(me).toMatchObject({ id: player.id, username: player.username, locale: "en-US", mfa_enabled: false });
    const botMe = currentUser.extend({ bot: z.literal(true) }).parse(await get("/users/@me"));
    expect(botMe.id).toBe(bot.userId);
    myGuild.array().parse(await get("/users/@me/guilds", bearer));
    member.parse(await get(`/users/@me/guilds/${guildId}/member`, bearer));
  });

  it("GET /applications/@me, /users/{id} and /gateway/bot", async () => {
    expect(application.parse(await get("/applications/@me"))).toMatchObject({ id: bot.applicationId, owner: { id: demoConfig.guild.ownerId } });
    user.parse(await get(`/users/${player.id}`));
    gatewayBot.parse(await get("/gateway/bot"));
  });

  it("GET the guild (with counts), its roles, channels, and a member — the lookup sign-in and the bot's acting user rely on", async () => {
    const withCounts = guild.extend({ approximate_member_count: int, approximate_presence_count: int }).parse(await get(`/guilds/${guildId}?with_counts=true`));
    expect(withCounts.owner_id).toBe(demoConfig.guild.ownerId);
    guild.parse(await get(`/guilds/${guildId}`));
    role.array().parse(await get(`/guilds/${guildId}/roles`));
    channel.array().parse(await get(`/guilds/${guildId}/channels`));
    const found = member.parse(await get(`/guilds/${guildId}/members/${player.id}`));
    expect(found.user.id).toBe(player.id);
    expect(found.roles).toEqual(player.member!.roles);
  });

  it("messages: embeds come back as type rich with every field's inline, components with the numeric ids Discord assigns", async () => {
    const sent = {
      content: "status",
      embeds: [{ title: " Snake ", fields: [{ name: "State", value: "Ready" }, { name: "Node", value: "pve1", inline: true }], footer: { text: "CT 2201" } }],
      components: [
        { type: 1, components: [{ type: 2, style: 5, label: "Play", url: "https://arcade.example.com/play/snake" }, { type: 2, style: 4, label: "Stop", custom_id: "stop:snake" }] },
        { type: 1, components: [{ type: 2, style: 2, label: "Refresh", custom_id: "refresh", id: 7 }] },
      ],
    };
    const created = message.parse(await post(`/channels/${channelId}/messages`, sent));
    expect(created.embeds[0]).toMatchObject({ type: "rich", title: "Snake", fields: [{ inline: false }, { inline: true }] });
    expect(created.components.map((row) => [row.id, row.components.map((b) => b.id)])).toEqual([[1, [2, 3]], [4, [7]]]);
    message.array().parse(await get(`/channels/${channelId}/messages`));
    message.parse(await get(`/channels/${channelId}/messages/${created.id}`));
  });

  it("commands: a bulk overwrite echoes each command with its id, version and default_member_permissions", async () => {
    const body = [{ name: "status", description: "Show the arcade" }];
    const response = await fetch(`${sim.apiUrl}/v10/applications/${bot.applicationId}/guilds/${guildId}/commands`, {
      method: "PUT",
      headers: { ...botAuth, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    command.array().parse(await response.json());
  });

  it("interaction responses: with_response returns the interaction and the message; edits and follow-ups return messages", async () => {
    const interaction = await sim.dispatchCommand({ userId: player.id, name: "status" });
    const callback = await post(`/interactions/${interaction.id}/${interaction.token}/callback?with_response=true`, { type: 5, data: { flags: 64 } }, {});
    z.object({ interaction: z.object({ id: snowflake, type: int }), resource: z.object({ type: int, message }) }).parse(callback);
    const webhook = `${sim.apiUrl}/v10/webhooks/${bot.applicationId}/${interaction.token}`;
    const patch = await fetch(`${webhook}/messages/@original`, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ content: "done" }) });
    message.parse(await patch.json());
    // Follow-ups return the message whether or not ?wait=true is sent: "wait is always true" for them.
    const followUp = await fetch(webhook, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ content: "more", flags: 64 }) });
    expect(followUp.status).toBe(200);
    message.parse(await followUp.json());
  });

  it("a button press carries the pressed component's numeric id, and discord.js reads messages with component ids", async () => {
    const channelObject = await discord.channels.fetch(channelId);
    if (!channelObject?.isSendable()) throw new Error("the sim channel is not a text channel");
    const sent = await channelObject.send({ content: "press", components: [{ type: 1, components: [{ type: 2, style: 1, label: "Go", custom_id: "go" }] }] });
    const seen = once(discord, Events.InteractionCreate);
    await sim.dispatchButton({ userId: player.id, customId: "go", messageId: sent.id });
    const [interaction] = (await seen) as [{ isButton(): boolean; customId: string; component: { id: number } }];
    expect(interaction.isButton()).toBe(true);
    expect(interaction.customId).toBe("go");
    expect(interaction.component.id).toBe(2);
  });
});
