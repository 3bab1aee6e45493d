import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../lib/env";
import { CatalogueError } from "../lib/games";
import { GamePortError } from "./game-ports";
import { tryLock, unlock } from "./pid-lock";
import { describeExit, type Stack, startStack } from "./stack";

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

function buildIsCurrent(): boolean {
  const buildId = ".next/BUILD_ID";
  const sources = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"];
  return existsSync(buildId) && statSync(buildId).mtimeMs >= newestChange(sources);
}

/**
 * Builds the portal when there is no build yet, or the sources changed since the last one. A second demo started
 * meanwhile waits for that build (next refuses two builds in one folder) and then uses it.
 */
async function buildIfNeeded(): Promise<void> {
  if (buildIsCurrent()) return;
  const lock = path.resolve("data/.demo-build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  if (!tryLock(lock)) {
    console.log("Another demo is building the portal; waiting for it…");
    while (!tryLock(lock)) {
      if (starting.signal.aborted) process.exit(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (buildIsCurrent()) return;
    console.log("Building the portal (next build), once; this takes a minute or two…");
    const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
    if (result.status !== 0) {
      console.error("The build failed; see above.");
      process.exit(1);
    }
  } finally {
    unlock(lock);
  }
}

let stack: Stack | undefined;
const starting = new AbortController();
let stopping = false;

/** Ctrl-C or SIGTERM, whenever it comes: while starting it gives the start up, later it stops everything. */
function stopOnSignal(): void {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping…");
  if (!stack) return starting.abort();
  void stack.close().then(() => process.exit(0));
}

/** Two portals on one database would resume each other's operations against the wrong simulator. */
function lockDataDirOrExit(): void {
  const lock = path.join(dataDir, ".demo.lock");
  mkdirSync(dataDir, { recursive: true });
  if (!tryLock(lock)) {
    console.error(`Another demo is running on ${dataDir}: stop it, or give this one its own folder with --data-dir=${dataDir}-2.`);
    process.exit(1);
  }
  process.on("exit", () => unlock(lock));
}

async function main(): Promise<void> {
  lockDataDirOrExit();
  process.on("SIGINT", stopOnSignal);
  process.on("SIGTERM", stopOnSignal);
  await buildIfNeeded();
  console.log("Starting the Proxmox simulator, the Discord simulator and the portal…");
  stack = await startStack({
    gamesDir: "games-demo",
    dataDir,
    port,
    timing: { startMs: 2_500, webDelayMs: 800, guestShutdownMs: 1_500, resourcesRefreshMs: 2_000, authFailDelayMs: 3_000 },
    log: verbose ? (line) => console.log(line) : undefined,
    signal: starting.signal,
  });
  const running = stack;
  const line = "─".repeat(72);
  const games = Object.entries(running.gameUrls).map(([id, url]) => `\n                  ${id.padEnd(12)} ${url}`).join("");
  console.log(`
${line}
  Cartofia Arcade demo is running.

  Open            ${running.url}
  Sign in         "Sign in with Discord" → pick Demo Player (member) or Demo Admin
  Games           each in its own simulated CT, asleep until you press Play:${games}

  API token       ${running.apiToken}
                  curl -X POST -H "Authorization: Bearer ${running.apiToken}" ${running.url}/api/v1/games/snake/play

  Proxmox sim     ${running.proxmox.url}  (faults: npx tsx sim/proxmox/cli.ts --help)
  Discord sim     ${running.discord.url}

  Ctrl-C stops everything.
${line}
`);
  running.portal.on("exit", () => {
    if (stopping) return;
    stopping = true;
    const tail = verbose ? "" : `; its last lines:\n${running.recentLog().map((l) => `  ${l}`).join("\n")}`;
    console.error(`The portal stopped unexpectedly (${describeExit(running.portal)})${tail}\nStopping the simulators.`);
    void running.close().then(() => process.exit(1));
  });
}

main().catch((error: unknown) => {
  if (starting.signal.aborted) process.exit(0);
  if (error instanceof ConfigError || error instanceof CatalogueError || error instanceof GamePortError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") console.error(`A port is already in use (${(error as Error).message}): stop the other program or run with --port=3100.`);
  else console.error(`The demo could not start: ${(error as Error).message}`);
  process.exit(1);
});
