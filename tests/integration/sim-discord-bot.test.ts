import { once } from "node:events";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  Routes,
  type Interaction,
  type TextChannel,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import demoConfig from "@/sim/discord/demo-config.json";
import { type DiscordSim } from "@/sim/discord";
import { startSimWithClient, type SimWithClient } from "../support/discord-sim-client";

const { bot, guild } = demoConfig;
const arcadeChannelId = guild.channels.find((c) => c.name === "arcade")!.id;
const userNamed = (username: string) => demoConfig.users.find((u) => u.username === username)!;
const player = userNamed("demo_player");
const owner = userNamed("cartofia_owner");

// Discord's deadline for the first response; the late-response test moves the sim's clock past it.
const DEADLINE_MS = 3_000;

const commandBodies = [
  {
    name: "play",
    description: "Start a game",
    options: [{ type: 3, name: "game", description: "Which game", required: true, autocomplete: true }],
  },
  { name: "whoami", description: "Say who you are" },
  { name: "slow", description: "Answers too late" },
  { name: "quiet", description: "Never answers" },
  { name: "help", description: "Lists commands" },
  { name: "stop", description: "Stop a game", default_member_permissions: "0" },
];

let sim: DiscordSim;
let client: Client;
const handlerErrors: unknown[] = [];
const quietSeen: string[] = [];
let releaseSlow: (() => void) | null = null;

async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = String(interaction.options.getFocused());
    await interaction.respond(["snake", "tetris", "pong"].filter((g) => g.startsWith(typed)).map((g) => ({ name: g, value: g })));
  } else if (interaction.isButton()) {
    await interaction.update({ content: `Stopping ${interaction.customId.split(":")[1]}…`, components: [] });
  } else if (interaction.isChatInputCommand()) {
    if (interaction.commandName === "play") {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply(`${interaction.user.username} started ${interaction.options.getString("game", true)}`);
    } else if (interaction.commandName === "whoami") {
      const admin = interaction.memberPermissions?.has(PermissionFlagsBits.Administrator) ?? false;
      await interaction.reply(`${interaction.user.username} admin=${admin}`);
    } else if (interaction.commandName === "slow") {
      await new Promise<void>((resolve) => {
        releaseSlow = resolve;
      });
      await interaction.deferReply().catch((error: unknown) => handlerErrors.push(error));
    } else if (interaction.commandName === "help") {
      await interaction.reply("Commands: /play /status");
      await interaction.followUp({ content: "Admins also have /start and /stop", flags: MessageFlags.Ephemeral });
    } else if (interaction.commandName === "quiet") {
      quietSeen.push(interaction.id);
    }
  }
}

let running: SimWithClient | undefined;

beforeAll(async () => {
  running = await startSimWithClient((c) => c.on(Events.InteractionCreate, (interaction) => void handle(interaction)));
  ({ sim, client } = running);
});

afterAll(() => running?.close());

describe("Discord sim with the real discord.js client", () => {
  it("logs in over the gateway, caches the guild with its channels, roles and owner, and gets heartbeat ACKs", async () => {
    const cached = client.guilds.cache.get(guild.id);
    expect(client.user?.id).toBe(bot.userId);
    expect(cached?.name).toBe("Cartofia");
    expect(cached?.ownerId).toBe(guild.ownerId);
    expect(cached?.channels.cache.map((c) => c.name)).toEqual(expect.arrayContaining(["arcade", "arcade-status"]));
    expect(cached?.roles.cache.map((r) => r.name)).toEqual(expect.arrayContaining(["@everyone", "Arcade Admin", "Friends"]));
    expect(cached?.members.me?.id).toBe(bot.userId);
    expect(sim.gatewayConnections()).toBe(1);
    await sim.waitFor(() => client.ws.ping >= 0, 3_000);
  });

  it("stores guild commands registered with REST PUT and echoes them with ids", async () => {
    const rest = new REST({ api: sim.apiUrl }).setToken(bot.token);
    const echoed = (await rest.put(Routes.applicationGuildCommands(bot.applicationId, guild.id), { body: commandBodies })) as Array<{ id: string; name: string; version: string }>;
    expect(echoed.map((c) => c.name)).toEqual(commandBodies.map((c) => c.name));
    expect(echoed.every((c) => /^\d{17,19}$/.test(c.id) && /^\d{17,19}$/.test(c.version))).toBe(true);
    expect(sim.commands({ guildId: guild.id })).toEqual(commandBodies);
    expect(sim.commands()).toEqual([]);
    const invalid = rest.put(Routes.applicationGuildCommands(bot.applicationId, guild.id), { body: [{ name: "Play", description: "" }] });
    await expect(invalid).rejects.toMatchObject({ code: 50035 });
  });

  it("delivers /play; deferReply(ephemeral) then editReply are recorded in order with flag 64", async () => {
    const interaction = await sim.dispatchCommand({ userId: player.id, name: "play", options: [{ name: "game", value: "snake" }] });
    const responses = await sim.waitFor(() => (interaction.responses().length >= 2 ? interaction.responses() : undefined));
    expect(responses[0]).toMatchObject({ kind: "callback", type: 5, flags: MessageFlags.Ephemeral });
    expect(responses[1]).toMatchObject({ kind: "edit", body: { content: "demo_player started snake" } });
    expect(responses[1]!.at).toBeGreaterThanOrEqual(responses[0]!.at);
    const original = interaction.original() as { content: string; flags: number };
    expect(original.content).toBe("demo_player started snake");
    expect(original.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(sim.messages(arcadeChannelId).some((m) => m.content.includes("started snake"))).toBe(false);
  });

  it("refuses a second initial response with 400 code 40060", async () => {
    const interaction = await sim.dispatchCommand({ userId: player.id, name: "whoami" });
    await sim.waitFor(() => interaction.responses()[0]);
    const again = await fetch(`${sim.apiUrl}/v10/interactions/${interaction.id}/${interaction.token}/callback`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ type: 4, data: { content: "again" } }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 40060 });
  });

  it("marks the guild owner as administrator and shows non-ephemeral replies in the channel", async () => {
    const interaction = await sim.dispatchCommand({ userId: owner.id, name: "whoami", channelId: arcadeChannelId });
    await sim.waitFor(() => interaction.responses()[0]);
    expect(interaction.responses()[0]).toMatchObject({ kind: "callback", type: 4, data: { content: "cartofia_owner admin=true" } });
    expect(sim.messages(arcadeChannelId).map((m) => m.content)).toContain("cartofia_owner admin=true");
  });

  it("records an ephemeral follow-up after the reply, visible only to the user", async () => {
    const interaction = await sim.dispatchCommand({ userId: player.id, name: "help", channelId: arcadeChannelId });
    await sim.waitFor(() => interaction.responses()[1]);
    expect(interaction.responses().map((r) => r.kind)).toEqual(["callback", "followup"]);
    expect(interaction.responses()[1]).toMatchObject({ body: { content: "Admins also have /start and /stop", flags: MessageFlags.Ephemeral } });
    const contents = sim.messages(arcadeChannelId).map((m) => m.content);
    expect(contents).toContain("Commands: /play /status");
    expect(contents).not.toContain("Admins also have /start and /stop");
  });

  it("answers a first response after the deadline with 404 code 10062", async () => {
    const interaction = await sim.dispatchCommand({ userId: player.id, name: "slow" });
    const release = await sim.waitFor(() => releaseSlow ?? undefined);
    sim.advanceClock(DEADLINE_MS + 1);
    release();
    const error = await sim.waitFor(() => handlerErrors[0], 5_000);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10062);
    expect(interaction.responses()).toEqual([]);
    const callback = sim.requests().find((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback?.status).toBe(404);
  });

  it("returns autocomplete choices as a type 8 response", async () => {
    const interaction = await sim.dispatchAutocomplete({ userId: player.id, name: "play", focused: { name: "game", value: "te" } });
    await sim.waitFor(() => interaction.responses()[0]);
    expect(interaction.responses()[0]).toMatchObject({ kind: "callback", type: 8, data: { choices: [{ name: "tetris", value: "tetris" }] } });
  });

  it("shows a channel message's edit, and a button press updating it", async () => {
    const channel = client.channels.cache.get(arcadeChannelId) as TextChannel;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId("stop:snake").setLabel("Stop").setStyle(ButtonStyle.Danger));
    const message = await channel.send({ content: "snake is starting", components: [row] });
    await message.edit({ content: "snake is ready" });
    const stored = sim.messages(arcadeChannelId).find((m) => m.id === message.id);
    expect(stored).toMatchObject({ content: "snake is ready", author: { id: bot.userId } });
    expect(stored?.editedAt).not.toBeNull();

    const press = await sim.dispatchButton({ userId: owner.id, customId: "stop:snake", messageId: message.id });
    await sim.waitFor(() => press.responses()[0]);
    expect(press.responses()[0]).toMatchObject({ kind: "callback", type: 7 });
    expect(sim.messages(arcadeChannelId).find((m) => m.id === message.id)).toMatchObject({ content: "Stopping snake…", components: [] });
  });

  it("lets discord.js wait out an injected 429 and succeed", async () => {
    sim.clearRequests();
    sim.rateLimit(`POST /channels/${arcadeChannelId}/messages`, 1, 30);
    const channel = client.channels.cache.get(arcadeChannelId) as TextChannel;
    await channel.send("after the rate limit");
    const posts = sim.requests().filter((r) => r.method === "POST" && r.path === `/channels/${arcadeChannelId}/messages`);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
  });

  it("resumes after disconnectGateway and replays what was dispatched meanwhile", async () => {
    const resumed = once(client, Events.ShardResume);
    sim.disconnectGateway();
    await sim.waitFor(() => sim.gatewayConnections() === 0);
    const missed = await sim.dispatchCommand({ userId: player.id, name: "quiet" });
    await resumed;
    await sim.waitFor(() => quietSeen.includes(missed.id));
    expect(sim.gatewayConnections()).toBe(1);

    const after = await sim.dispatchCommand({ userId: player.id, name: "play", options: [{ name: "game", value: "pong" }] });
    await sim.waitFor(() => after.responses()[1]);
    expect((after.original() as { content: string }).content).toBe("demo_player started pong");
  });

  it("fails login with a wrong token as discord.js's TokenInvalid", async () => {
    const stranger = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sim.apiUrl } });
    await expect(stranger.login("not-the-bot-token")).rejects.toMatchObject({ code: "TokenInvalid" });
    await stranger.destroy();
  });
});
