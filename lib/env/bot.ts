import { z } from "zod";
import { collect } from "./collect";
import { ConfigError } from "./config-error";
import { httpUrl, intInRange, isLoopbackHost, optionalDiscordId, optionalText, required, snowflake, type Source } from "./fields";

/** The bot's variables (CT1000): Discord, the portal it calls, and where it keeps its place. */
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
