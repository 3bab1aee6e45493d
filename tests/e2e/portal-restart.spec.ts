import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { startStack, type Stack } from "../../scripts/stack";
import { startBotProcess } from "./support/bot-process";
import { botEnvFor, channels } from "./support/bot-stack";
import { copyDemoCatalogue, freePort } from "./support/e2e-catalogue";
import { spawnPortal, type PortalLaunch } from "./support/portal-process";

// Restarts of the portal itself, so this spec runs its own arcade (sim/proxmox, sim/discord, a portal on its own
// port and database) instead of the shared one, and launches each portal in a process group of its own.
test.describe.configure({ mode: "serial" });

let stack: Stack;
let port: number;
const dirs: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const catalogue = await copyDemoCatalogue();
  const dataDir = mkdtempSync(path.join(tmpdir(), "arcade-restart-e2e-"));
  dirs.push(catalogue.dir, dataDir);
  port = await freePort();
  stack = await startStack({
    gamesDir: catalogue.dir,
    dataDir,
    port,
    timing: { startMs: 600, webDelayMs: 200, guestShutdownMs: 300, resourcesRefreshMs: 300, authFailDelayMs: 0 },
    env: { ARCADE_POLL_FAST_MS: "300", ARCADE_POLL_SLOW_MS: "800" },
  });
  // The stack's own portal shares the test runner's process group; the tests run theirs on the same port and database.
  stack.portal.kill("SIGTERM");
  await once(stack.portal, "exit");
});

test.afterAll(async () => {
  await stack?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const posted = (since: number) => stack.discord.messages(channels.notify).filter((m) => m.createdAt >= since).map((m) => m.content);

/** An SSE reader with the automation token: everything it received, and whether the portal ended it. */
function openStream(url: string) {
  const state = { text: "", ended: false };
  const done = fetch(`${url}/api/v1/events`, { headers: { authorization: `Bearer ${stack.apiToken}` } }).then(async (response) => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) state.text += decoder.decode(chunk, { stream: true });
    state.ended = true;
  });
  return { state, done };
}

const launches: Array<[PortalLaunch, string]> = [
  ["node", "node …/next start, as the systemd unit runs it"],
  ["npm", "npm start"],
];

for (const [launch, how] of launches) {
  test(`SIGTERM to every process of the portal (${how}) ends 3 streams with a retry hint and leaves nothing running within 5 s; the bot and a browser carry on with the next portal and miss nothing`, async ({ browser }) => {
    test.setTimeout(120_000);
    const first = spawnPortal(stack.portalEnv, port, launch);
    await first.waitForHealth();
    const bot = startBotProcess({ ...botEnvFor({ discordApiUrl: stack.discord.apiUrl, portalUrl: first.url, apiToken: stack.apiToken }), ARCADE_PUBLIC_URL: stack.url });
    const context = await browser.newContext();
    let second: ReturnType<typeof spawnPortal> | undefined;
    try {
      await bot.waitForLine(/following the arcade's events/);
      const page = await context.newPage();
      await page.goto(`${stack.url}/signin`);
      await page.getByRole("button", { name: "Demo player", exact: true }).click();
      await page.waitForURL(`${stack.url}/`);
      await expect(page.locator('[data-feed="live"]')).toBeVisible();
      const snakeBadge = page.getByRole("article", { name: "Snake", exact: true }).locator("[data-state]");

      const since = Date.now();
      const play = await fetch(`${first.url}/api/v1/games/snake/play`, { method: "POST", headers: { authorization: `Bearer ${stack.apiToken}` } });
      expect(play.status).toBe(202);
      await expect.poll(() => posted(since), { timeout: 15_000 }).toEqual([expect.stringMatching(/started \*\*Snake\*\*/), expect.stringMatching(/\*\*Snake\*\* is ready/)]);
      await expect(snakeBadge).toHaveAttribute("data-state", "ready");

      const streams = [openStream(first.url), openStream(first.url), openStream(first.url)];
      await expect.poll(() => streams.every((s) => s.state.text.includes("event: snapshot"))).toBe(true);
      const goneMs = await first.terminate();
      expect(goneMs).toBeLessThan(5_000);
      await Promise.all(streams.map((s) => s.done));
      for (const { state } of streams) {
        expect(state.ended).toBe(true);
        expect(state.text).toMatch(/retry: \d+\nevent: shutdown\ndata: \{"retryMs":\d+,"message":"The portal is restarting[^"]*"\}\n\n$/);
      }

      second = spawnPortal(stack.portalEnv, port, launch);
      await second.waitForHealth();
      await expect.poll(() => bot.output().match(/following the arcade's events/g)?.length ?? 0, { timeout: 15_000 }).toBe(2);
      const shutdown = await fetch(`${second.url}/api/v1/games/snake/shutdown`, { method: "POST", headers: { authorization: `Bearer ${stack.apiToken}` } });
      expect(shutdown.status).toBe(202);
      // Exactly these three: the next portal adopting a ready game is not news, and nothing is posted twice.
      const expected = [expect.stringMatching(/started \*\*Snake\*\*/), expect.stringMatching(/\*\*Snake\*\* is ready/), expect.stringMatching(/\*\*Snake\*\* was shut down/)];
      await expect.poll(() => posted(since), { timeout: 15_000 }).toEqual(expected);
      // The page's stream came back to the next portal by itself and shows what happened there.
      await expect(snakeBadge).toHaveAttribute("data-state", "stopped", { timeout: 15_000 });
      await expect(page.locator('[data-feed="live"]')).toBeVisible();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(posted(since)).toEqual(expected);
    } finally {
      await context.close();
      await bot.stop();
      await second?.terminate();
    }
  });
}
