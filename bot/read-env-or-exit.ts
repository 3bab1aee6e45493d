import { existsSync } from "node:fs";
import { ConfigError, readBotEnv, type BotEnv } from "@/lib/env";

/**
 * The bot's configuration, or a list of what to fix on stderr and exit code 1 (never a stack trace). Run by
 * hand, settings may sit in ./.env; variables already set win (systemd's EnvironmentFile in production).
 */
export function readBotEnvOrExit(purpose: "run" | "deploy"): BotEnv {
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    return readBotEnv(undefined, { purpose });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`The bot's configuration is not valid:\n${error.problems.map((problem) => `  - ${problem}`).join("\n")}`);
    console.error("Set these in the bot's environment (see docs/bot.md) and start it again.");
    process.exit(1);
  }
}
