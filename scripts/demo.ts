import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../lib/env";
import { CatalogueError } from "../lib/games";
import { startStack } from "./stack";

const port = Number(process.argv.find((a) => a.startsWith("--port="))?.slice(7) ?? process.env.PORT ?? 3000);
const verbose = process.argv.includes("--verbose");
// Where the demo keeps its database between runs; tests point it at a scratch folder.
const dataDir = process.argv.find((a) => a.startsWith("--data-dir="))?.slice(11) ?? "data/demo";

function newestChange(paths: string[]): number {
  let newest = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const stat = statSync(entry);
    if (stat.isDirectory()) newest = Math.max(newest, newestChange(readdirSync(entry).map((child) => path.join(entry, child))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** Builds the portal when there is no build yet, or the sources changed since the last one. */
function buildIfNeeded(): void {
  const buildId = ".next/BUILD_ID";
  const sources = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"];
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestChange(sources)) return;
  console.log("Building the portal (next build), once; this takes a minute or two…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error("The build failed; see above.");
    process.exit(1);
  }
}

async function main(): Promise<void> {
  buildIfNeeded();
  console.log("Starting the Proxmox simulator, the Discord simulator and the portal…");
  const stack = await startStack({
    gamesDir: "games-demo",
    dataDir,
    port,
    timing: { startMs: 2_500, webDelayMs: 800, guestShutdownMs: 1_500, resourcesRefreshMs: 2_000, authFailDelayMs: 3_000 },
    log: verbose ? (line) => console.log(line) : undefined,
  });
  const line = "─".repeat(72);
  console.log(`
${line}
  Cartofia Arcade demo is running.

  Open            ${stack.url}
  Sign in         "Sign in with Discord" → pick Demo Player (member) or Demo Admin
  Games           snake, brick-blitz, star-dodge: each in its own simulated CT, asleep until you press Play

  API token       ${stack.apiToken}
                  curl -X POST -H "Authorization: Bearer ${stack.apiToken}" ${stack.url}/api/v1/games/snake/play

  Proxmox sim     ${stack.proxmox.url}  (faults: npx tsx sim/proxmox/cli.ts --help)
  Discord sim     ${stack.discord.url}

  Ctrl-C stops everything.
${line}
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    await stack.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  stack.portal.on("exit", (code) => {
    if (!stopping) {
      console.error(`The portal stopped unexpectedly (exit code ${code}); run with --verbose to see its log.`);
      void stack.close().then(() => process.exit(1));
    }
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CatalogueError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") console.error(`A port is already in use (${(error as Error).message}): stop the other program or run with --port=3100.`);
  else console.error(`The demo could not start: ${(error as Error).message}`);
  process.exit(1);
});
