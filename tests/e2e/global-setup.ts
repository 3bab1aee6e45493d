import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startStack } from "../../scripts/stack";
import { assertChromiumInstalled } from "../support/chromium";
import { copyDemoCatalogue, freePort } from "./support/e2e-catalogue";

/**
 * Starts the whole arcade once for the browser tests: sim/proxmox, sim/discord and the production portal.
 * Tests reach the simulators through their control endpoints; the values below travel to the workers as env.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  assertChromiumInstalled();
  const catalogue = await copyDemoCatalogue();
  const dataDir = mkdtempSync(path.join(tmpdir(), "arcade-e2e-data-"));
  const port = await freePort();
  const stack = await startStack({
    gamesDir: catalogue.dir,
    dataDir,
    port,
    timing: { startMs: 1_200, webDelayMs: 300, guestShutdownMs: 400, resourcesRefreshMs: 300, authFailDelayMs: 0 },
    env: { ARCADE_POLL_FAST_MS: "300", ARCADE_POLL_SLOW_MS: "800" },
    log: process.env.E2E_VERBOSE ? (line) => console.log(line) : undefined,
  });
  Object.assign(process.env, {
    E2E_PORTAL_URL: stack.url,
    E2E_API_TOKEN: stack.apiToken,
    E2E_PROXMOX_URL: stack.proxmox.url,
    E2E_PROXMOX_CA: stack.proxmox.caFile,
    E2E_DISCORD_URL: stack.discord.url,
    E2E_GAME_URLS: JSON.stringify(stack.gameUrls),
    E2E_PORTAL_ENV: JSON.stringify(stack.portalEnv),
  });
  return async () => {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(catalogue.dir, { recursive: true, force: true });
  };
}
