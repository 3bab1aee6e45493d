import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { stackEnv } from "./stack-client";

type DemoConfig = {
  guild: { id: string; ownerId: string; channels: Array<{ id: string; name: string }>; roles: Array<{ id: string; name: string }> };
  users: Array<{ id: string; username: string; globalName?: string }>;
  bot: { token: string; applicationId: string; userId: string };
};

export const demo = JSON.parse(readFileSync(path.resolve("sim/discord/demo-config.json"), "utf8")) as DemoConfig;
const userNamed = (username: string) => demo.users.find((u) => u.username === username)!;
export const users = { player: userNamed("demo_player"), admin: userNamed("demo_admin"), owner: userNamed("cartofia_owner") };
export const channels = {
  notify: demo.guild.channels.find((c) => c.name === "arcade")!.id,
  status: demo.guild.channels.find((c) => c.name === "arcade-status")!.id,
};

/** The running stack from global-setup, as the bot specs need it. */
export function stack() {
  const { portalUrl, apiToken, discordUrl, proxmoxUrl } = stackEnv();
  return { portalUrl, apiToken, discordUrl, proxmoxUrl };
}

export function tempStateFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "arcade-bot-e2e-")), "state.json");
}

/** The bot's environment against the stack; `overrides` adds or replaces (an empty string removes). */
export function botEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const s = stack();
  const env: Record<string, string> = {
    DISCORD_TOKEN: demo.bot.token,
    DISCORD_APP_ID: demo.bot.applicationId,
    DISCORD_GUILD_ID: demo.guild.id,
    DISCORD_NOTIFY_CHANNEL_ID: channels.notify,
    DISCORD_API_URL: `${s.discordUrl}/api`,
    ARCADE_URL: s.portalUrl,
    ARCADE_PUBLIC_URL: s.portalUrl,
    ARCADE_API_TOKEN: s.apiToken,
    BOT_STATE_FILE: tempStateFile(),
    BOT_MAX_BACKLOG: "10",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
}

/** The bot's environment against a stack of the test's own (not the shared one), with a fresh state file. */
export function botEnvFor(target: { discordApiUrl: string; portalUrl: string; apiToken: string }): Record<string, string> {
  return {
    DISCORD_TOKEN: demo.bot.token,
    DISCORD_APP_ID: demo.bot.applicationId,
    DISCORD_GUILD_ID: demo.guild.id,
    DISCORD_NOTIFY_CHANNEL_ID: channels.notify,
    DISCORD_API_URL: target.discordApiUrl,
    ARCADE_URL: target.portalUrl,
    ARCADE_API_TOKEN: target.apiToken,
    BOT_STATE_FILE: tempStateFile(),
  };
}

type GameState = { id: string; state: string; since: string };

/** The portal's API with the automation token (an admin): how tests set up and clean up game states. */
export const portal = {
  async game(id: string): Promise<GameState> {
    const s = stack();
    const response = await fetch(`${s.portalUrl}/api/v1/games/${id}`, { headers: { authorization: `Bearer ${s.apiToken}` } });
    expect(response.ok).toBe(true);
    return (await response.json()) as GameState;
  },
  async post(id: string, action: "play" | "shutdown" | "stop"): Promise<number> {
    const s = stack();
    const response = await fetch(`${s.portalUrl}/api/v1/games/${id}/${action}`, { method: "POST", headers: { authorization: `Bearer ${s.apiToken}` } });
    return response.status;
  },
  async waitForState(id: string, state: string, timeoutMs = 20_000): Promise<void> {
    await expect.poll(async () => (await portal.game(id)).state, { timeout: timeoutMs, intervals: [100, 200] }).toBe(state);
  },
  /** Leaves the game stopped, whatever it was doing: the next test must not inherit a running container. */
  async ensureStopped(id: string): Promise<void> {
    const current = (await portal.game(id)).state;
    if (current === "stopped") return;
    if (current === "starting") await portal.waitForState(id, "ready");
    if ((await portal.game(id)).state !== "stopped") await portal.post(id, "stop");
    await portal.waitForState(id, "stopped");
  },
};
