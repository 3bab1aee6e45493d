import { DiscordAPIError, REST, Routes } from "discord.js";
import { loadCommands } from "./load-commands";
import { readBotEnvOrExit } from "./read-env-or-exit";

// `npm run bot:deploy`: registers the slash commands once (Discord allows 200 command creates a day per guild,
// so this is a deploy step, not something the bot does on every start).
const env = readBotEnvOrExit("deploy");
const { appId, guildId, token, apiUrl } = env.discord;
const commands = await loadCommands();
const body = [...commands.values()].map((command) => command.data.toJSON());
const rest = new REST({ api: apiUrl }).setToken(token);
const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);

function explain(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return "Discord refused DISCORD_TOKEN: copy the bot token again (Bot > Reset Token).";
    if (error.status === 403 || error.code === 50001) {
      return `Discord refused: is the application in server ${guildId} with the applications.commands scope? Invite it with the URL in docs/bot.md.`;
    }
    if (error.code === 10002 || error.code === 10004) return "Discord does not know DISCORD_APP_ID or DISCORD_GUILD_ID: copy both ids again.";
    return `Discord refused the commands: ${error.message}`;
  }
  return `Could not reach Discord at ${apiUrl}: ${error instanceof Error ? error.message : String(error)}`;
}

try {
  const registered = (await rest.put(route, { body })) as Array<{ name: string }>;
  const where = guildId ? `in server ${guildId} (they show up at once)` : "globally (every server the bot is in; they can take a while to show up)";
  console.log(`Registered ${registered.length} commands ${where}: ${registered.map((c) => `/${c.name}`).join(" ")}`);
} catch (error) {
  console.error(explain(error));
  process.exit(1);
}
