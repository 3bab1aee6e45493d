import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ConfigError } from "./config-error";
import {
  discordId,
  flag,
  httpUrl,
  intInRange,
  isLoopbackHost,
  optionalDiscordId,
  optionalText,
  required,
  snowflake,
  snowflakeList,
  type Source,
  tokenIdPattern,
  uuidPattern,
} from "./fields";

export { ConfigError } from "./config-error";

/**
 * The one reader of process.env. Each process validates the variables it needs and, when something is wrong,
 * reports every bad variable at once with how to fix it.
 */

// ---------------------------------------------------------------------------------------------- Proxmox

const proxmoxShape = z
  .object({
    PROXMOX_URL: optionalText,
    PROXMOX_HOST: optionalText,
    PROXMOX_PORT: intInRange("PROXMOX_PORT", 1, 65535, 8006),
    PROXMOX_TOKEN_ID: required("PROXMOX_TOKEN_ID", "create an API token (pveum user token add arcade@pve portal) and set user@realm!name").refine(
      (v) => tokenIdPattern.test(v),
      { error: "PROXMOX_TOKEN_ID must look like user@realm!tokenname, e.g. arcade@pve!portal" },
    ),
    PROXMOX_TOKEN_SECRET: required("PROXMOX_TOKEN_SECRET", "paste the secret shown once when the token was created").refine(
      (v) => uuidPattern.test(v),
      { error: "PROXMOX_TOKEN_SECRET must be the token's UUID secret, e.g. 1b4c2a0e-5f7d-4c3e-9a1b-2d3e4f5a6b7c" },
    ),
    PROXMOX_CA_FILE: optionalText.refine((v) => v === undefined || existsSync(v), {
      error: "PROXMOX_CA_FILE points to a file that does not exist: copy /etc/pve/pve-root-ca.pem from the Proxmox host and give its path",
    }),
    PROXMOX_FINGERPRINT: optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined;
      const hex = v.replace(/:/g, "").toUpperCase();
      if (!/^[0-9A-F]{64}$/.test(hex)) {
        ctx.addIssue({
          code: "custom",
          message: "PROXMOX_FINGERPRINT must be a SHA-256 fingerprint (64 hex digits, colons allowed), as shown under Node > System > Certificates",
        });
        return z.NEVER;
      }
      return hex.match(/../g)!.join(":");
    }),
    PROXMOX_INSECURE_TLS: flag("PROXMOX_INSECURE_TLS"),
    PROXMOX_VERIFY_SSL: optionalText,
    PROXMOX_TIMEOUT_MS: intInRange("PROXMOX_TIMEOUT_MS", 500, 120_000, 10_000),
    // Node's own extra trust file: an explicit CA list (PROXMOX_CA_FILE) would drop it, so the client keeps it.
    NODE_EXTRA_CA_CERTS: optionalText,
  })
  .transform((v, ctx) => {
    let baseUrl = v.PROXMOX_URL;
    if (baseUrl === undefined && v.PROXMOX_HOST !== undefined) {
      const host = v.PROXMOX_HOST.replace(/^https?:\/\//, "").replace(/\/+$/, "");
      baseUrl = `https://${host}:${v.PROXMOX_PORT}`;
    }
    if (baseUrl === undefined) {
      ctx.addIssue({ code: "custom", path: ["PROXMOX_URL"], message: "PROXMOX_URL is not set: give the API address, e.g. https://pve.lan:8006 (or PROXMOX_HOST and PROXMOX_PORT)" });
      return z.NEVER;
    }
    if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) {
      ctx.addIssue({ code: "custom", path: ["PROXMOX_URL"], message: `PROXMOX_URL must be an http(s) URL such as https://pve.lan:8006 (got "${baseUrl}")` });
      return z.NEVER;
    }
    const url = new URL(baseUrl);
    // The API token goes in a header on every request; only the simulator on this machine may skip TLS.
    if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
      ctx.addIssue({
        code: "custom",
        path: ["PROXMOX_URL"],
        message: `PROXMOX_URL must start with https:// (got "${baseUrl}"): over plain HTTP the API token would travel in clear; pveproxy serves https://<node>:8006 (plain http:// is accepted only for the simulator on loopback)`,
      });
      return z.NEVER;
    }
    const verifySsl = v.PROXMOX_VERIFY_SSL?.toLowerCase();
    if (verifySsl !== undefined && !["1", "0", "true", "false", "yes", "no"].includes(verifySsl)) {
      ctx.addIssue({ code: "custom", path: ["PROXMOX_VERIFY_SSL"], message: `PROXMOX_VERIFY_SSL must be true or false (got "${v.PROXMOX_VERIFY_SSL}")` });
    }
    const insecureTls = v.PROXMOX_INSECURE_TLS || ["0", "false", "no"].includes(verifySsl ?? "");
    return {
      baseUrl: url.origin,
      tokenId: v.PROXMOX_TOKEN_ID,
      tokenSecret: v.PROXMOX_TOKEN_SECRET,
      caPem: v.PROXMOX_CA_FILE === undefined ? undefined : readFileSync(v.PROXMOX_CA_FILE, "utf8"),
      caFile: v.PROXMOX_CA_FILE,
      // Node only warns about a missing extra-CA file and goes on; so does the client.
      extraDefaultCaPem: v.NODE_EXTRA_CA_CERTS !== undefined && existsSync(v.NODE_EXTRA_CA_CERTS) ? readFileSync(v.NODE_EXTRA_CA_CERTS, "utf8") : undefined,
      fingerprint: v.PROXMOX_FINGERPRINT,
      insecureTls,
      timeoutMs: v.PROXMOX_TIMEOUT_MS,
    };
  });

export type ProxmoxConfig = z.output<typeof proxmoxShape>;

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

function collect(source: Source, ...schemas: z.ZodType[]): { values: unknown[]; problems: string[] } {
  const problems: string[] = [];
  const values = schemas.map((schema) => {
    const result = schema.safeParse(source);
    if (result.success) return result.data;
    for (const issue of result.error.issues) problems.push(issue.message);
    return undefined;
  });
  return { values, problems };
}

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

// -------------------------------------------------------------------------------------------------- Bot

const botShape = z.object({
  DISCORD_TOKEN: required("DISCORD_TOKEN", "copy the bot token from the Discord Developer Portal (Bot > Reset Token)"),
  DISCORD_APP_ID: optionalText.transform((v, ctx) => {
    const how = "copy the Application ID from the Discord Developer Portal (your application > General Information)";
    if (v === undefined) ctx.addIssue({ code: "custom", message: `DISCORD_APP_ID is not set: ${how}` });
    else if (!snowflake.test(v)) ctx.addIssue({ code: "custom", message: `DISCORD_APP_ID must be an id of 17-20 digits: ${how}` });
    return v ?? "";
  }),
  DISCORD_GUILD_ID: optionalDiscordId("DISCORD_GUILD_ID", "server"),
  DISCORD_NOTIFY_CHANNEL_ID: optionalDiscordId("DISCORD_NOTIFY_CHANNEL_ID", "notification channel"),
  DISCORD_STATUS_CHANNEL_ID: optionalDiscordId("DISCORD_STATUS_CHANNEL_ID", "status channel"),
  DISCORD_API_URL: httpUrl("DISCORD_API_URL", "https://discord.com/api").optional().transform((v) => v ?? "https://discord.com/api"),
  ARCADE_URL: httpUrl("ARCADE_URL", "http://10.0.0.21:3000 (the portal, as the bot reaches it)"),
  ARCADE_PUBLIC_URL: httpUrl("ARCADE_PUBLIC_URL", "https://arcade.example.com").optional(),
  ARCADE_API_TOKEN: required("ARCADE_API_TOKEN", "set the same value as on the portal (generate with `openssl rand -hex 32`)").refine((v) => v.length >= 24, {
    error: "ARCADE_API_TOKEN must be at least 24 characters and equal the portal's",
  }),
  BOT_STATE_FILE: optionalText.transform((v) => v ?? "data/bot-state.json"),
  BOT_MAX_BACKLOG: intInRange("BOT_MAX_BACKLOG", 0, 1000, 10),
  BOT_WEEKLY_DIGEST: weeklyAt("BOT_WEEKLY_DIGEST"),
});

/** When the weekly digest goes out: a weekday (0 = Sunday) and a time of day in the bot's time zone (TZ). */
export type WeeklyAt = { day: number; hour: number; minute: number };

function weeklyAt(name: string) {
  const days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  return optionalText.transform((v, ctx): WeeklyAt | null => {
    if (v === undefined || ["off", "0", "no", "false"].includes(v.toLowerCase())) return null;
    const match = /^([a-z]{3})[a-z]*\s+(\d{1,2}):(\d{2})$/i.exec(v);
    const day = match ? days.indexOf(match[1]!.toLowerCase()) : -1;
    const hour = Number(match?.[2]);
    const minute = Number(match?.[3]);
    if (!match || day < 0 || hour > 23 || minute > 59) {
      ctx.addIssue({ code: "custom", message: `${name} must be a day and a 24-hour time in the bot's time zone, e.g. "sun 18:00", or off (got "${v}")` });
      return z.NEVER;
    }
    return { day, hour, minute };
  });
}

export type BotEnv = {
  discord: {
    token: string;
    appId: string;
    guildId: string | undefined;
    notifyChannelId: string | undefined;
    statusChannelId: string | undefined;
    apiUrl: string;
  };
  arcade: { url: string; publicUrl: string; apiToken: string };
  stateFile: string;
  maxBacklog: number;
  /** The weekly digest of the week's best scores to the notify channel; null = off (the default). */
  weeklyDigest: WeeklyAt | null;
};

/**
 * Reads and checks the bot's configuration; throws ConfigError naming every bad variable. Running the bot needs
 * DISCORD_GUILD_ID: the portal trusts the Discord user the bot names, so the bot must only act for members of the
 * arcade's own server. Registering commands (`purpose: "deploy"`) may go without it: then they are global.
 */
export function readBotEnv(source: Source = process.env, options: { purpose?: "run" | "deploy" } = {}): BotEnv {
  const { values, problems } = collect(source, botShape);
  const bot = values[0] as z.output<typeof botShape> | undefined;
  // The bot token goes to whatever this points at: only Discord itself, or the simulator on this machine.
  if (bot && !bot.DISCORD_API_URL.startsWith("https://discord.com/") && !isLoopbackHost(new URL(bot.DISCORD_API_URL).hostname)) {
    problems.push("DISCORD_API_URL may only point at https://discord.com/api or at the simulator on loopback");
  }
  if (options.purpose !== "deploy" && !source.DISCORD_GUILD_ID?.trim()) {
    problems.push(
      "DISCORD_GUILD_ID is not set: the bot answers only in the arcade's server; copy the server's id in Discord (Developer Mode, right-click the server, Copy Server ID)",
    );
  }
  if (bot?.BOT_WEEKLY_DIGEST && !bot.DISCORD_NOTIFY_CHANNEL_ID) {
    problems.push("BOT_WEEKLY_DIGEST posts to the notification channel: set DISCORD_NOTIFY_CHANNEL_ID too, or BOT_WEEKLY_DIGEST=off");
  }
  if (problems.length > 0 || !bot) throw new ConfigError(problems);
  return {
    discord: {
      token: bot.DISCORD_TOKEN,
      appId: bot.DISCORD_APP_ID,
      guildId: bot.DISCORD_GUILD_ID,
      notifyChannelId: bot.DISCORD_NOTIFY_CHANNEL_ID,
      statusChannelId: bot.DISCORD_STATUS_CHANNEL_ID,
      apiUrl: bot.DISCORD_API_URL,
    },
    arcade: { url: bot.ARCADE_URL, publicUrl: bot.ARCADE_PUBLIC_URL ?? bot.ARCADE_URL, apiToken: bot.ARCADE_API_TOKEN },
    stateFile: bot.BOT_STATE_FILE,
    maxBacklog: bot.BOT_MAX_BACKLOG,
    weeklyDigest: bot.BOT_WEEKLY_DIGEST,
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
