import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client, Events, GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import demoConfig from "@/sim/discord/demo-config.json";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "sim/discord/cli.ts");
const { bot, guild } = demoConfig;
const arcadeChannelId = guild.channels.find((c) => c.name === "arcade")!.id;
const userNamed = (username: string) => demoConfig.users.find((u) => u.username === username)!;
const outsider = userNamed("outsider");
const player = userNamed("demo_player");

let dir: string;
let child: ChildProcess;
let base: { url: string; apiUrl: string };

function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", cli, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
}

async function waitForFile(path: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} did not appear within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return readFileSync(path, "utf8");
}

const control = (path: string, body?: unknown) =>
  fetch(`${base.url}/__sim${path}`, body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

const botMember = (userId: string) => fetch(`${base.apiUrl}/v10/guilds/${guild.id}/members/${userId}`, { headers: { Authorization: `Bot ${bot.token}` } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "discord-sim-cli-"));
  const readyFile = join(dir, "ready.json");
  child = runCli(["serve", "--config", join(root, "sim/discord/demo-config.json"), "--port", "0", "--ready-file", readyFile]);
  base = JSON.parse(await waitForFile(readyFile, 20_000)) as typeof base;
});

afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("Discord sim CLI and /__sim control endpoints", () => {
  it("writes {url, apiUrl} to the ready file once listening", () => {
    expect(base.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(base.apiUrl).toBe(`${base.url}/api`);
  });

  it("changes membership through POST /__sim/members/{user}, as the bot-token endpoint then sees", async () => {
    expect((await botMember(outsider.id)).status).toBe(404);
    const joined = await control(`/members/${outsider.id}`, { roles: [guild.roles[1]!.id] });
    expect(joined.status).toBe(200);
    expect(((await (await botMember(outsider.id)).json()) as { roles: string[] }).roles).toEqual([guild.roles[1]!.id]);
    await control(`/members/${outsider.id}`, { member: null });
    expect((await botMember(outsider.id)).status).toBe(404);
    const unknownRole = await control(`/members/${outsider.id}`, { roles: ["123456789012345678"] });
    expect(unknownRole.status).toBe(400);
  });

  it("lists and clears recorded requests", async () => {
    await botMember(player.id);
    const requests = (await (await control("/requests")).json()) as Array<{ path: string; auth: string }>;
    expect(requests.at(-1)).toMatchObject({ path: `/guilds/${guild.id}/members/${player.id}`, auth: "bot" });
    expect((await control("/requests/clear", {})).status).toBe(204);
    expect(await (await control("/requests")).json()).toEqual([]);
  });

  it("refuses to dispatch while no bot is on the gateway, and dispatches once one is", async () => {
    const early = await control("/dispatch/command", { userId: player.id, name: "status" });
    expect(early.status).toBe(400);
    expect(((await early.json()) as { error: string }).error).toMatch(/No bot session/);

    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: base.apiUrl } });
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply(`All games idle, ${interaction.user.username}`);
    });
    const ready = once(client, Events.ClientReady);
    await client.login(bot.token);
    await ready;
    try {
      const dispatched = (await (await control("/dispatch/command", { userId: player.id, name: "status", channelId: arcadeChannelId })).json()) as { id: string; token: string };
      expect(dispatched.token.length).toBeGreaterThan(60);
      let described: { responses: Array<{ type?: number }>; original: { content: string } | null } | undefined;
      for (let i = 0; i < 100 && !described?.responses.length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        described = (await (await control(`/interactions/${dispatched.id}`)).json()) as typeof described;
      }
      expect(described?.responses[0]).toMatchObject({ kind: "callback", type: 4 });
      expect(described?.original?.content).toBe("All games idle, demo_player");
      const messages = (await (await control(`/messages/${arcadeChannelId}`)).json()) as Array<{ content: string }>;
      expect(messages.map((m) => m.content)).toContain("All games idle, demo_player");
    } finally {
      await client.destroy();
    }
  });

  it("closes cleanly on SIGTERM", async () => {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });

  it("refuses an invalid config file, naming the problem", async () => {
    const badConfig = join(dir, "bad.json");
    writeFileSync(badConfig, JSON.stringify({ ...demoConfig, guild: { ...guild, ownerId: outsider.id } }));
    const bad = runCli(["serve", "--config", badConfig]);
    let stderr = "";
    bad.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(bad, "exit")) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain("guild.ownerId must name a configured user with a member entry");
  });
});
