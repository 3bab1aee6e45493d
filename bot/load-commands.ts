import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isCommand, type Command } from "./command";

const commandsDir = fileURLToPath(new URL("./commands/", import.meta.url));

/** Every command in bot/commands (one default export per file), by name, sorted by name. */
export async function loadCommands(dir = commandsDir): Promise<Map<string, Command>> {
  const files = readdirSync(dir)
    .filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith(".d.ts"))
    .sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const loaded = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    if (!isCommand(loaded.default)) throw new Error(`${file} in ${dir} does not export a command ({ data, execute }) as default`);
    if (commands.has(loaded.default.data.name)) throw new Error(`two files in ${dir} define /${loaded.default.data.name}`);
    commands.set(loaded.default.data.name, loaded.default);
  }
  return new Map([...commands].sort(([a], [b]) => a.localeCompare(b)));
}
