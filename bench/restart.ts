import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startStack } from "../scripts/stack";
import { startBotProcess } from "../tests/e2e/support/bot-process";
import { botEnvFor } from "../tests/e2e/support/bot-stack";
import { copyDemoCatalogue, freePort } from "../tests/e2e/support/e2e-catalogue";
import { spawnPortal, type PortalLaunch } from "../tests/e2e/support/portal-process";
import { assertBuilt, percentile } from "./support";

/**
 * Restarting the portal with clients attached: SIGTERM to every process of the portal (its process group, as
 * systemd's KillMode=control-group) until none is left, once with 3 open event streams and once with the bot
 * attached; then, for the bot, from the next portal first answering /api/health to the bot's stream being back
 * (its snapshot received: the bot logs "following the arcade's events").
 * Usage: npx tsx bench/restart.ts [--runs=5] [--launch=node|npm]
 */
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const RUNS = Number(arg("runs", "5"));
const LAUNCH = arg("launch", "node") as PortalLaunch;

assertBuilt();
const catalogue = await copyDemoCatalogue();
const dataDir = mkdtempSync(path.join(tmpdir(), "arcade-bench-restart-"));
const port = await freePort();
const stack = await startStack({ gamesDir: catalogue.dir, dataDir, port });
stack.portal.kill("SIGTERM");
await once(stack.portal, "exit");

const summary = (values: number[]) => `median ${percentile(values, 50)} ms (min ${Math.min(...values)}, max ${Math.max(...values)}; ${values.join(", ")})`;

/** Starts a portal; `upAt` is when it first answered /api/health (polled every 5 ms), before its first Proxmox poll. */
async function upAndHealthy() {
  const portal = spawnPortal(stack.portalEnv, port, LAUNCH);
  let upAt = 0;
  while (!upAt) {
    const ok = await fetch(`${portal.url}/api/health`).then((r) => r.ok, () => false);
    if (ok) upAt = Date.now();
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await portal.waitForHealth();
  return { portal, upAt };
}

try {
  const streamsGone: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { portal } = await upAndHealthy();
    const opened = Array.from({ length: 3 }, () => fetch(`${portal.url}/api/v1/events`, { headers: { authorization: `Bearer ${stack.apiToken}` } }));
    const bodies = await Promise.all(opened);
    const drained = bodies.map(async (response) => {
      for await (const _chunk of response.body as unknown as AsyncIterable<Uint8Array>) void _chunk;
    });
    streamsGone.push(await portal.terminate());
    await Promise.all(drained);
  }

  const botGone: number[] = [];
  const botResumed: number[] = [];
  const first = await upAndHealthy();
  const bot = startBotProcess(botEnvFor({ discordApiUrl: stack.discord.apiUrl, portalUrl: first.portal.url, apiToken: stack.apiToken }));
  const connectedAt: number[] = [];
  bot.child.stdout?.on("data", (chunk: Buffer) => {
    for (const _line of chunk.toString().match(/following the arcade's events/g) ?? []) connectedAt.push(Date.now());
  });
  let current = first.portal;
  try {
    await bot.waitForLine(/following the arcade's events/);
    for (let run = 0; run < RUNS; run++) {
      botGone.push(await current.terminate());
      const seen = connectedAt.length;
      const next = await upAndHealthy();
      current = next.portal;
      while (connectedAt.length === seen) await new Promise((resolve) => setTimeout(resolve, 5));
      botResumed.push(connectedAt[seen]! - next.upAt);
    }
  } finally {
    await bot.stop();
    await current.terminate().catch(() => undefined);
  }

  console.log(`Portal restarts (${LAUNCH === "node" ? "node …/next start" : "npm start"}), ${RUNS} runs each:`);
  console.log(`  SIGTERM → every process gone, 3 open event streams: ${summary(streamsGone)}`);
  console.log(`  SIGTERM → every process gone, bot attached:         ${summary(botGone)}`);
  console.log(`  next portal healthy → bot's stream resumed:         ${summary(botResumed)}`);
} finally {
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(catalogue.dir, { recursive: true, force: true });
}
