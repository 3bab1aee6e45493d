import { createLogger } from "./log";
import { readBotEnvOrExit } from "./read-env-or-exit";
import { startBot, type RunningBot } from "./start-bot";

// `npm run bot`: the companion Discord bot (CT1000). Configuration: docs/bot.md.
const log = createLogger();
const env = readBotEnvOrExit("run");

function explainLoginFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "TokenInvalid") return "Discord refused DISCORD_TOKEN: reset the token in the Developer Portal (Bot > Reset Token) and update the configuration.";
  if (code === "DisallowedIntents") return "Discord refused the gateway intents; the bot only asks for Guilds, which needs no approval: check the application's settings.";
  return `the bot could not start: ${error instanceof Error ? error.message : String(error)}`;
}

// A stray rejection must not take the bot down for everyone; it is logged with its stack instead.
process.on("unhandledRejection", (reason) => log.error("unhandled rejection", reason));

let bot: RunningBot;
try {
  bot = await startBot(env, log);
} catch (error) {
  log.error(explainLoginFailure(error));
  process.exit(1);
}

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: disconnecting`);
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("could not stop cleanly", error);
        process.exit(1);
      },
    );
  });
}
