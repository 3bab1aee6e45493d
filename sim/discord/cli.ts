import { readFile, rename, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseDiscordSimConfig, startDiscordSim } from "./index";

const USAGE = `Usage: tsx sim/discord/cli.ts [serve] [--config <file.json>] [--host 127.0.0.1] [--port 0] [--ready-file <path>]

  --config      sim config (default: sim/discord/demo-config.json)
  --port        0 picks a free port (default)
  --ready-file  written as {"url","apiUrl"} once the sim listens
SIGTERM or SIGINT closes the sim.`;

const DEFAULT_CONFIG = fileURLToPath(new URL("./demo-config.json", import.meta.url));

async function loadConfig(path: string) {
  const text = await readFile(path, "utf8").catch((error: unknown) => {
    throw new Error(`Cannot read config ${path}: ${error instanceof Error ? error.message : String(error)}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Config ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseDiscordSimConfig(json);
}

// Written to a temp name first so a waiting process never reads a half-written file.
async function writeReadyFile(path: string, content: object): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(content));
  await rename(temporary, path);
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: "string", default: DEFAULT_CONFIG },
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "0" },
      "ready-file": { type: "string" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0-65535, got "${values.port}"`);
  const sim = await startDiscordSim(await loadConfig(values.config), { host: values.host, port });
  console.log(`Discord sim listening: ${sim.url} (REST ${sim.apiUrl}, gateway ${sim.url.replace(/^http/, "ws")}/gateway)`);
  if (values["ready-file"]) await writeReadyFile(values["ready-file"], { url: sim.url, apiUrl: sim.apiUrl });
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h") return void console.log(USAGE);
  if (command === "serve") return serve(rest);
  // `npm run sim:discord` with no command (or only options) serves too.
  if (command === undefined || command.startsWith("--")) return serve(argv);
  console.error(USAGE);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
