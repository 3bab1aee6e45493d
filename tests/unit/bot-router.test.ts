import { describe, expect, it } from "vitest";
import { ArcadeApiError } from "@/lib/api/client-errors";
import { ArcadeError } from "@/lib/errors";
import type { BotContext, Command } from "@/bot/command";
import { toActingUser } from "@/bot/interactions/acting-user";
import { describeFailure } from "@/bot/interactions/describe-failure";
import { createInteractionRouter } from "@/bot/interactions/route-interaction";
import { silentLogger } from "@/bot/log";

const GUILD = "1187421530091503626";

// Just the parts of a ChatInputCommandInteraction the router touches.
function fakeInteraction(guildId: string | null) {
  const calls: Array<{ kind: string; body?: unknown }> = [];
  const interaction = {
    commandName: "play",
    guildId,
    deferred: false,
    replied: false,
    isAutocomplete: () => false,
    isChatInputCommand: () => true,
    async deferReply(body: unknown) {
      calls.push({ kind: "defer", body });
      interaction.deferred = true;
    },
    async editReply(body: unknown) {
      calls.push({ kind: "edit", body });
    },
    async reply(body: unknown) {
      calls.push({ kind: "reply", body });
    },
  };
  return { interaction, calls };
}

function route(command: Command["execute"], guildId: string | null) {
  const commands = new Map<string, Command>([["play", { data: { name: "play", toJSON: () => ({ name: "play", description: "x" }) }, execute: command }]]);
  const router = createInteractionRouter(commands, { guildId: GUILD, log: silentLogger } as BotContext);
  const { interaction, calls } = fakeInteraction(guildId);
  return { run: () => router(interaction as never), calls };
}

describe("the interaction router", () => {
  it("defers the reply, ephemeral, before the command runs", async () => {
    const seen: string[] = [];
    const { run, calls } = route(async () => void seen.push(`command ran after ${calls.map((c) => c.kind).join(",")}`), GUILD);
    await run();
    expect(calls[0]).toEqual({ kind: "defer", body: { flags: 64 } });
    expect(seen).toEqual(["command ran after defer"]);
  });

  it("turns any failure into one ephemeral sentence, and never shows internals", async () => {
    const { run, calls } = route(async () => {
      throw new TypeError("cannot read properties of undefined (reading 'state')");
    }, GUILD);
    await run();
    expect(calls.at(-1)).toEqual({ kind: "edit", body: { content: "⚠️ Something went wrong on my side; the details are in the bot's log.", embeds: [], components: [] } });
  });

  it("acts only for members of the arcade's own server", async () => {
    let ran = false;
    const { run, calls } = route(async () => void (ran = true), "999999999999999999");
    await run();
    expect(ran).toBe(false);
    expect(calls.at(-1)?.body).toMatchObject({ content: "⚠️ This bot only works in the arcade's own Discord server." });
  });
});

describe("what people are told when something fails", () => {
  it("passes the portal's own refusal through, says plainly when the portal is down, and hides token trouble", () => {
    const refused = new ArcadeApiError("forbidden:games:power", "Only arcade admins can start, shut down, stop or reboot containers.", { httpStatus: 403 });
    expect(describeFailure(refused)).toEqual({ sentence: refused.message, unexpected: false });
    const down = new ArcadeApiError("unavailable:portal", "The arcade portal at http://10.0.0.21:3000 is not answering (connection refused).", { httpStatus: null });
    expect(describeFailure(down).sentence).toMatch(/^The arcade portal is not answering right now/);
    const token = new ArcadeApiError("unauthorized:token", "The API token is not valid.", { httpStatus: 401 });
    expect(describeFailure(token)).toEqual({ sentence: expect.stringMatching(/ARCADE_API_TOKEN/), unexpected: true });
    expect(describeFailure(new ArcadeError("not_found:game", "There is no game called “x”."))).toEqual({ sentence: "There is no game called “x”.", unexpected: false });
  });
});

describe("the user the portal is told about", () => {
  const facts = { userId: "412345678901234567", displayName: "Demo Player", avatarUrl: null, guildId: GUILD, ownerId: "286117733482340352" };

  it("carries the member's role ids without @everyone, and is never the owner by accident", () => {
    const user = toActingUser({ ...facts, roleIds: [GUILD, "1187423047129321492", "1187423047129321492", "not-a-role"] });
    expect(user).toEqual({ id: "412345678901234567", name: "Demo Player", avatarUrl: null, roles: ["1187423047129321492"], isGuildOwner: false });
  });

  it("marks the guild owner, who the portal treats as an admin", () => {
    expect(toActingUser({ ...facts, userId: "286117733482340352", roleIds: [] }).isGuildOwner).toBe(true);
    expect(toActingUser({ ...facts, ownerId: null, roleIds: [] }).isGuildOwner).toBe(false);
  });
});
