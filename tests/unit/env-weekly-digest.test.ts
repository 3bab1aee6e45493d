import { describe, expect, it } from "vitest";
import { type ConfigError, readBotEnv } from "@/lib/env";

const bot = {
  DISCORD_TOKEN: "bot-token",
  DISCORD_APP_ID: "123456789012345678",
  DISCORD_GUILD_ID: "223456789012345678",
  DISCORD_NOTIFY_CHANNEL_ID: "323456789012345678",
  ARCADE_URL: "http://127.0.0.1:3000",
  ARCADE_API_TOKEN: "t".repeat(32),
};

const problems = (env: Record<string, string>) => {
  try {
    readBotEnv(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe("BOT_WEEKLY_DIGEST", () => {
  it("is off unless set, and takes a weekday and a 24-hour time", () => {
    expect(readBotEnv(bot).weeklyDigest).toBeNull();
    expect(readBotEnv({ ...bot, BOT_WEEKLY_DIGEST: "off" }).weeklyDigest).toBeNull();
    expect(readBotEnv({ ...bot, BOT_WEEKLY_DIGEST: "sun 18:00" }).weeklyDigest).toEqual({ day: 0, hour: 18, minute: 0 });
    expect(readBotEnv({ ...bot, BOT_WEEKLY_DIGEST: "Friday 7:30" }).weeklyDigest).toEqual({ day: 5, hour: 7, minute: 30 });
  });

  it("says how to write it, and that it needs the notification channel", () => {
    expect(problems({ ...bot, BOT_WEEKLY_DIGEST: "weekly" })).toEqual(['BOT_WEEKLY_DIGEST must be a day and a 24-hour time in the bot\'s time zone, e.g. "sun 18:00", or off (got "weekly")']);
    expect(problems({ ...bot, BOT_WEEKLY_DIGEST: "sun 24:00" })).toHaveLength(1);
    expect(problems({ ...bot, DISCORD_NOTIFY_CHANNEL_ID: "", BOT_WEEKLY_DIGEST: "sun 18:00" })).toEqual([
      "BOT_WEEKLY_DIGEST posts to the notification channel: set DISCORD_NOTIFY_CHANNEL_ID too, or BOT_WEEKLY_DIGEST=off",
    ]);
  });
});
