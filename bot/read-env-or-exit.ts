import { ConfigError, readBotEnv, type BotEnv } from "@/lib/env";

/** The bot's configuration, or a list of what to fix on stderr and exit code 1 (never a stack trace). */
export function readBotEnvOrExit(purpose: "run" | "deploy"): BotEnv {
  try {
    return readBotEnv(undefined, { purpose });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`The bot's configuration is not valid:\n${error.problems.map((problem) => `  - ${problem}`).join("\n")}`);
    console.error("Set these in the bot's environment (see docs/bot.md) and start it again.");
    process.exit(1);
  }
}
