import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { healthSchema } from "../lib/api/schemas";
import { loadCatalogue } from "../lib/games";
import { type DiscordSim, type DiscordSimConfig, startDiscordSim } from "../sim/discord";
import { type ProxmoxSim, type SimTiming, startProxmoxSim } from "../sim/proxmox";
import { DEMO_TOKEN_ID, scenarioForCatalogue } from "./demo-scenario";

export type StackOptions = {
  gamesDir: string;
  dataDir: string;
  port: number;
  timing?: Partial<SimTiming>;
  /** Extra or overriding environment for the portal. */
  env?: Record<string, string>;
  log?: (line: string) => void;
};

export type Stack = {
  url: string;
  apiToken: string;
  proxmox: ProxmoxSim;
  discord: DiscordSim;
  discordConfig: DiscordSimConfig;
  portalEnv: Record<string, string>;
  portal: ChildProcess;
  close(): Promise<void>;
};

export function loadDiscordDemoConfig(): DiscordSimConfig {
  return JSON.parse(readFileSync(path.resolve("sim/discord/demo-config.json"), "utf8")) as DiscordSimConfig;
}

async function waitForHealth(url: string, portal: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (portal.exitCode !== null) throw new Error(`the portal exited with code ${portal.exitCode} before it answered`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      // Up, and its first look at Proxmox is done, so every card shows a real state from the first page.
      if (response.ok && healthSchema.parse(await response.json()).proxmox.reachable !== null) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the portal did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

/**
 * The whole arcade on loopback: sim/proxmox serving the catalogue's games, sim/discord for logins and the bot,
 * and the production portal (`next start`) configured against both. Used by `npm run demo` and the e2e tests.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  const catalogue = loadCatalogue(options.gamesDir);
  const tokenSecret = randomUUID();
  const url = `http://localhost:${options.port}`;
  // The games' web servers let only this portal frame them, like the generated game-host nginx.
  const proxmox = await startProxmoxSim(scenarioForCatalogue(catalogue.games, tokenSecret, options.timing, url));
  const discordConfig = loadDiscordDemoConfig();
  const discord = await startDiscordSim(discordConfig);
  const adminRoles = discordConfig.guild.roles.filter((r) => /admin/i.test(r.name)).map((r) => r.id);
  const client = discordConfig.oauthClients[0]!;
  const apiToken = `demo-${randomBytes(16).toString("hex")}`;
  const portalEnv: Record<string, string> = {
    NODE_ENV: "production",
    PORT: String(options.port),
    PROXMOX_URL: proxmox.url,
    PROXMOX_TOKEN_ID: DEMO_TOKEN_ID,
    PROXMOX_TOKEN_SECRET: tokenSecret,
    PROXMOX_CA_FILE: proxmox.caFile,
    ARCADE_GAMES_DIR: path.resolve(options.gamesDir),
    ARCADE_DB: path.resolve(options.dataDir, "arcade.db"),
    ARCADE_API_TOKEN: apiToken,
    ARCADE_DEMO: "1",
    AUTH_SECRET: randomBytes(33).toString("base64"),
    AUTH_URL: url,
    AUTH_DISCORD_ID: client.clientId,
    AUTH_DISCORD_SECRET: client.clientSecret,
    DISCORD_GUILD_ID: discordConfig.guild.id,
    DISCORD_ADMIN_ROLE_IDS: adminRoles.join(","),
    DISCORD_TOKEN: discordConfig.bot.token,
    DISCORD_API_URL: discord.apiUrl,
    ...options.env,
  };
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const portal = spawn(process.execPath, [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...portalEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  portal.stdout?.on("data", (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach((line) => log(`[portal] ${line}`)));
  portal.stderr?.on("data", (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach((line) => log(`[portal] ${line}`)));
  const close = async () => {
    if (portal.exitCode === null) {
      portal.kill("SIGTERM");
      await new Promise((resolve) => portal.once("exit", resolve));
    }
    await Promise.allSettled([proxmox.close(), discord.close()]);
  };
  try {
    await waitForHealth(url, portal, 60_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, apiToken, proxmox, discord, discordConfig, portalEnv, portal, close };
}
