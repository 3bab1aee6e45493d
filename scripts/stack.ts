import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { healthSchema } from "../lib/api/schemas";
import { loadCatalogue } from "../lib/games";
import { type DiscordSim, type DiscordSimConfig, startDiscordSim } from "../sim/discord";
import { type ProxmoxSim, type SimTiming, startProxmoxSim } from "../sim/proxmox";
import { catalogueOnPorts, portOf } from "./catalogue-on-ports";
import { DEMO_TOKEN_ID, scenarioForCatalogue } from "./demo-scenario";
import { claimGamePorts } from "./game-ports";

export type StackOptions = {
  gamesDir: string;
  dataDir: string;
  port: number;
  timing?: Partial<SimTiming>;
  /** Extra or overriding environment for the portal. */
  env?: Record<string, string>;
  /** The Discord sim's guild, users and bot; default sim/discord/demo-config.json. */
  discordConfig?: DiscordSimConfig;
  log?: (line: string) => void;
  /** Gives up the start (stopping whatever is up) when aborted, e.g. by Ctrl-C while the portal boots. */
  signal?: AbortSignal;
};

export type Stack = {
  url: string;
  apiToken: string;
  proxmox: ProxmoxSim;
  discord: DiscordSim;
  discordConfig: DiscordSimConfig;
  portalEnv: Record<string, string>;
  /** Each game's URL as the portal serves it: the catalogue's, or on the port its game server had to move to. */
  gameUrls: Record<string, string>;
  portal: ChildProcess;
  /** The portal's last lines of output, to show when it stops unexpectedly. */
  recentLog(): string[];
  close(): Promise<void>;
};

export function loadDiscordDemoConfig(): DiscordSimConfig {
  return JSON.parse(readFileSync(path.resolve("sim/discord/demo-config.json"), "utf8")) as DiscordSimConfig;
}

/** "exit code 1" or "killed by SIGKILL": a child that died of a signal has no exit code. */
export function describeExit(child: ChildProcess): string {
  return child.signalCode ? `killed by ${child.signalCode}` : `exit code ${child.exitCode}`;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForHealth(url: string, portal: ChildProcess, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (hasExited(portal)) throw new Error(`the portal stopped (${describeExit(portal)}) before it answered`);
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
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
    options.log?.(line);
  };
  const catalogue = loadCatalogue(options.gamesDir);
  const tokenSecret = randomUUID();
  // Another demo on this machine may own the catalogue's game ports: the games move, and their URLs with them.
  const ports = await claimGamePorts(catalogue.games.map((game) => portOf(game.url)), "127.0.0.1");
  const gamesDir = catalogueOnPorts(options.gamesDir, catalogue.games, ports.portFor, path.join(options.dataDir, "games"));
  const gameUrls = Object.fromEntries(loadCatalogue(gamesDir).games.map((game) => [game.id, game.url]));
  const url = `http://localhost:${options.port}`;
  let proxmox: ProxmoxSim;
  let discord: DiscordSim;
  try {
    proxmox = await startProxmoxSim(scenarioForCatalogue(catalogue.games, tokenSecret, options.timing, url, ports.portFor));
  } catch (error) {
    ports.release();
    throw error;
  }
  const discordConfig = options.discordConfig ?? loadDiscordDemoConfig();
  try {
    discord = await startDiscordSim(discordConfig);
  } catch (error) {
    await proxmox.close();
    ports.release();
    throw error;
  }
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
    ARCADE_GAMES_DIR: gamesDir,
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
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      if (!hasExited(portal)) {
        const exited = new Promise((resolve) => portal.once("exit", resolve));
        portal.kill("SIGTERM");
        const force = setTimeout(() => portal.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(force);
      }
      await Promise.allSettled([proxmox.close(), discord.close()]);
      ports.release();
    })());
  try {
    await waitForHealth(url, portal, 60_000, options.signal);
  } catch (error) {
    await close();
    if (options.signal?.aborted || options.log) throw error;
    throw new Error(`${(error as Error).message}; its last lines:\n${recent.map((line) => `  ${line}`).join("\n")}`, { cause: error });
  }
  return { url, apiToken, proxmox, discord, discordConfig, portalEnv, gameUrls, portal, recentLog: () => [...recent], close };
}
