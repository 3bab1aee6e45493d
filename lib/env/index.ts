import path from "node:path";
import { z } from "zod";
import { collect } from "./collect";
import { ConfigError } from "./config-error";
import { discordId, flag, httpUrl, intInRange, isLoopbackHost, optionalText, required, snowflake, snowflakeList, type Source } from "./fields";
import { proxmoxShape, type ProxmoxConfig } from "./proxmox";

export { ConfigError } from "./config-error";
export { readBotEnv, type BotEnv, type WeeklyAt } from "./bot";
export type { ProxmoxConfig } from "./proxmox";

/**
 * The one reader of process.env. Each process validates the variables it needs and, when something is wrong,
 * reports every bad variable at once with how to fix it.
 */

// ----------------------------------------------------------------------------------------------- Portal

const portalShape = z
  .object({
    ARCADE_GAMES_DIR: optionalText.transform((v) => v ?? "games"),
    ARCADE_DB: optionalText.transform((v) => v ?? "data/arcade.db"),
    ARCADE_API_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 24, {
      error: "ARCADE_API_TOKEN must be at least 24 characters: generate one with `openssl rand -hex 32`",
    }),
    ARCADE_POLL_FAST_MS: intInRange("ARCADE_POLL_FAST_MS", 200, 60_000, 1_000),
    ARCADE_POLL_SLOW_MS: intInRange("ARCADE_POLL_SLOW_MS", 200, 600_000, 5_000),
    ARCADE_DEMO: flag("ARCADE_DEMO"),
    ARCADE_IDLE_STOP_MINUTES: intInRange("ARCADE_IDLE_STOP_MINUTES", 0, 1440, 30),
    ARCADE_BODY_LIMIT_KB: intInRange("ARCADE_BODY_LIMIT_KB", 1, 1024, 64),
    AUTH_SECRET: required("AUTH_SECRET", "generate one with `openssl rand -base64 33`").refine((v) => v.length >= 32, {
      error: "AUTH_SECRET must be at least 32 characters: generate one with `openssl rand -base64 33`",
    }),
    AUTH_URL: optionalText.refine((v) => v === undefined || (/^https?:\/\//.test(v) && URL.canParse(v)), {
      error: "AUTH_URL must be the portal's public URL, e.g. https://arcade.example.com",
    }),
    AUTH_DISCORD_ID: required("AUTH_DISCORD_ID", "copy the OAuth2 Client ID from the Discord Developer Portal").refine((v) => snowflake.test(v), {
      error: "AUTH_DISCORD_ID must be the application's Client ID (17-20 digits) from the Discord Developer Portal",
    }),
    AUTH_DISCORD_SECRET: required("AUTH_DISCORD_SECRET", "copy the OAuth2 Client Secret from the Discord Developer Portal"),
    DISCORD_GUILD_ID: discordId("DISCORD_GUILD_ID", "server"),
    DISCORD_ADMIN_ROLE_IDS: snowflakeList("DISCORD_ADMIN_ROLE_IDS"),
    DISCORD_TOKEN: required("DISCORD_TOKEN", "the portal checks guild membership with the bot's token: copy it from Bot > Reset Token"),
    DISCORD_API_URL: httpUrl("DISCORD_API_URL", "https://discord.com/api").optional().transform((v) => v ?? "https://discord.com/api"),
  })
  .superRefine((v, ctx) => {
    if (!v.DISCORD_API_URL.startsWith("https://discord.com/") && !isLoopbackHost(new URL(v.DISCORD_API_URL).hostname)) {
      ctx.addIssue({ code: "custom", path: ["DISCORD_API_URL"], message: "DISCORD_API_URL may only point at https://discord.com/api or at the simulator on loopback" });
    }
  });

export type PortalEnv = {
  proxmox: ProxmoxConfig;
  gamesDir: string;
  dbFile: string;
  apiToken: string | undefined;
  poll: { fastMs: number; slowMs: number };
  /** Default minutes with nobody playing before a game's CT is shut down; 0 = never. */
  idleStopMinutes: number;
  demo: boolean;
  /** Largest request body the API and the auth routes read, in bytes (ARCADE_BODY_LIMIT_KB). */
  bodyLimitBytes: number;
  auth: { secret: string; url: string | undefined; discordClientId: string; discordClientSecret: string };
  /** `cdnUrl`: where avatars come from, derived from apiUrl (Discord's CDN, or the simulator itself). */
  discord: { apiUrl: string; cdnUrl: string; guildId: string; adminRoleIds: string[]; botToken: string };
};

/** Reads and checks the portal's configuration; throws ConfigError naming every bad variable. */
export function readPortalEnv(source: Source = process.env): PortalEnv {
  const { values, problems } = collect(source, proxmoxShape, portalShape);
  const proxmox = values[0] as ProxmoxConfig | undefined;
  const portal = values[1] as z.output<typeof portalShape> | undefined;
  if (portal?.ARCADE_DEMO && proxmox && !isLoopbackHost(new URL(proxmox.baseUrl).hostname)) {
    problems.push("ARCADE_DEMO=1 is only allowed against the Proxmox simulator on loopback: unset ARCADE_DEMO for a real Proxmox");
  }
  if (portal?.ARCADE_DEMO && portal.DISCORD_API_URL.startsWith("https://discord.com/")) {
    problems.push("ARCADE_DEMO=1 is only allowed with the Discord simulator on loopback: unset ARCADE_DEMO for real Discord logins");
  }
  if (problems.length > 0 || !proxmox || !portal) throw new ConfigError(problems);
  return {
    proxmox,
    gamesDir: portal.ARCADE_GAMES_DIR,
    dbFile: portal.ARCADE_DB,
    apiToken: portal.ARCADE_API_TOKEN,
    poll: { fastMs: portal.ARCADE_POLL_FAST_MS, slowMs: Math.max(portal.ARCADE_POLL_SLOW_MS, portal.ARCADE_POLL_FAST_MS) },
    idleStopMinutes: portal.ARCADE_IDLE_STOP_MINUTES,
    demo: portal.ARCADE_DEMO,
    bodyLimitBytes: portal.ARCADE_BODY_LIMIT_KB * 1024,
    auth: {
      secret: portal.AUTH_SECRET,
      url: portal.AUTH_URL,
      discordClientId: portal.AUTH_DISCORD_ID,
      discordClientSecret: portal.AUTH_DISCORD_SECRET,
    },
    discord: {
      apiUrl: portal.DISCORD_API_URL,
      cdnUrl: discordCdnUrl(portal.DISCORD_API_URL),
      guildId: portal.DISCORD_GUILD_ID,
      adminRoleIds: portal.DISCORD_ADMIN_ROLE_IDS,
      botToken: portal.DISCORD_TOKEN,
    },
  };
}

/**
 * Where Discord serves avatars for a given API base: Discord's CDN for the real API, the simulator's own origin
 * for sim/discord on loopback (DISCORD_API_URL allows nothing else). Images on the portal come only from here.
 */
export function discordCdnUrl(apiUrl: string): string {
  return apiUrl.startsWith("https://discord.com/") ? "https://cdn.discordapp.com" : new URL(apiUrl).origin;
}

/**
 * What the per-request security headers need (proxy.ts): the catalogue for the game frames' origins, the public
 * URL, and Discord's origins for the sign-in redirect and avatars. Narrow on purpose: it runs on every page view.
 */
export function readSitePolicyEnv(source: Source = process.env): { gamesDir: string; authUrl: string | undefined; discordApiUrl: string; discordCdnUrl: string } {
  const authUrl = source.AUTH_URL?.trim() || undefined;
  const apiUrl = (source.DISCORD_API_URL?.trim() || "https://discord.com/api").replace(/\/+$/, "");
  return { gamesDir: readCatalogueEnv(source).gamesDir, authUrl, discordApiUrl: apiUrl, discordCdnUrl: discordCdnUrl(apiUrl) };
}

/** Reads only what the catalogue tools need (deploy generator, catalogue checks). */
export function readCatalogueEnv(source: Source = process.env): { gamesDir: string } {
  return { gamesDir: source.ARCADE_GAMES_DIR?.trim() || "games" };
}

/** Which Next.js runtime and phase this code runs in (set by Next itself, read here like every other variable). */
export function readNextRuntime(source: Source = process.env): { runtime: string | undefined; phase: string | undefined } {
  return { runtime: source.NEXT_RUNTIME, phase: source.NEXT_PHASE };
}

const backupShape = z.object({
  ARCADE_DB: optionalText.transform((v) => v ?? "data/arcade.db"),
  ARCADE_BACKUP_DIR: optionalText,
  ARCADE_BACKUP_KEEP: intInRange("ARCADE_BACKUP_KEEP", 1, 1000, 14),
});

/** What `npm run backup` / `npm run restore` need: the database, where backups go (default `<db dir>/backups`), how many to keep. */
export function readBackupEnv(source: Source = process.env): { dbFile: string; backupDir: string; keep: number } {
  const { values, problems } = collect(source, backupShape);
  const backup = values[0] as z.output<typeof backupShape> | undefined;
  if (problems.length > 0 || !backup) throw new ConfigError(problems);
  return { dbFile: backup.ARCADE_DB, backupDir: backup.ARCADE_BACKUP_DIR ?? path.join(path.dirname(backup.ARCADE_DB), "backups"), keep: backup.ARCADE_BACKUP_KEEP };
}
