import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { startStack, type Stack } from "../../scripts/stack";
import { startBotProcess } from "./support/bot-process";
import { botEnv, channels } from "./support/bot-stack";
import { copyDemoCatalogue, freePort } from "./support/e2e-catalogue";

// "Done when" of the scores work: a game that knows nothing of this repository except the protocol in
// docs/games.md (no SDK, no shell) is added to the demo catalogue, played, and its score shows on the page, in the
// API under the signed-in player, and on Discord. It runs on its own stack, started here from that catalogue.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const DEMO_PLAYER_ID = "412345678901234567";

/** The whole game: says ready at its first frame, greets the player, posts a status and one finished run. */
const TAP_TAP = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tap Tap</title></head>
<body>
<h1>Tap Tap</h1>
<p id="greeting">Waiting for the arcade…</p>
<button id="finish" type="button">Finish the run</button>
<script>
  function tell(message) {
    if (window.parent !== window) window.parent.postMessage(Object.assign({ cartofia: 1 }, message), "*");
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== window.parent || !data || data.cartofia !== 1 || data.type !== "hello") return;
    document.getElementById("greeting").textContent = "Hello " + data.player.name + "!";
  });
  document.getElementById("finish").addEventListener("click", function () {
    tell({ type: "status", text: "Finished a run" });
    tell({ type: "score", score: 42 });
  });
  requestAnimationFrame(function () {
    tell({ type: "ready" });
    tell({ type: "status", text: "Tapping" });
  });
</script>
</body></html>
`;

let stack: Stack;
let dirs: string[] = [];

test.beforeAll(async () => {
  const catalogue = await copyDemoCatalogue();
  const game = path.join(catalogue.dir, "tap-tap");
  mkdirSync(path.join(game, "web"), { recursive: true });
  const manifest = { id: "tap-tap", name: "Tap Tap", vmid: 2299, url: `http://localhost:${await freePort()}/`, node: "pve1", bootTimeoutSec: 30, aspectRatio: "4/3", maxScore: 1000 };
  writeFileSync(path.join(game, "game.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(game, "web", "index.html"), TAP_TAP);
  const dataDir = mkdtempSync(path.join(tmpdir(), "arcade-e2e-protocol-"));
  dirs = [catalogue.dir, dataDir];
  stack = await startStack({
    gamesDir: catalogue.dir,
    dataDir,
    port: await freePort(),
    timing: { startMs: 1_200, webDelayMs: 300, guestShutdownMs: 400, resourcesRefreshMs: 300, authFailDelayMs: 0 },
    env: { ARCADE_POLL_FAST_MS: "300", ARCADE_POLL_SLOW_MS: "800" },
  });
});

test.afterAll(async () => {
  await stack?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function signIn(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${stack.url}/signin`);
  await page.getByRole("button", { name: "Demo player", exact: true }).click();
  await page.waitForURL(`${stack.url}/`);
  return page;
}

const channelMessages = async () => {
  const response = await fetch(`${stack.discord.url}/__sim/messages/${channels.notify}`);
  return ((await response.json()) as Array<{ content: string }>).map((m) => m.content);
};

test("a game that only speaks the protocol is played, and its score shows on the page, in the API and on Discord", async ({ browser }) => {
  const bot = startBotProcess(botEnv({ ARCADE_URL: stack.url, ARCADE_PUBLIC_URL: stack.url, ARCADE_API_TOKEN: stack.apiToken, DISCORD_API_URL: stack.discord.apiUrl }));
  let page: Page | undefined;
  try {
    await bot.waitForLine(/following the arcade's events/);
    page = await signIn(browser);
    await page.getByRole("link", { name: "Play Tap Tap", exact: true }).click();
    const frame = page.frameLocator('iframe[title="Tap Tap game"]');
    await expect(frame.getByText("Hello Demo Player!")).toBeVisible({ timeout: 20_000 });
    const panel = page.getByRole("complementary", { name: "Scores and players" });
    await expect(panel.getByRole("list", { name: "Playing now" })).toContainText("Demo Player — Tapping");

    await frame.getByRole("button", { name: "Finish the run" }).click();

    const rows = panel.getByRole("list", { name: "Top 10 of Tap Tap" }).getByRole("listitem");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Demo Player");
    await expect(rows.first().getByText("42", { exact: true })).toBeVisible();
    await expect(page.getByTestId("score-toast")).toHaveText("🏆 New Tap Tap record: 42!");
    await expect(panel.getByRole("list", { name: "Playing now" })).toContainText("Demo Player — Finished a run");

    const response = await fetch(`${stack.url}/api/v1/games/tap-tap/scores`, { headers: { authorization: `Bearer ${stack.apiToken}` } });
    const { boards } = (await response.json()) as { boards: Array<{ top: Array<{ score: number; player: { name: string; discordId: string } }> }> };
    expect(boards[0]!.top).toEqual([expect.objectContaining({ score: 42, player: expect.objectContaining({ name: "Demo Player", discordId: DEMO_PLAYER_ID }) })]);

    await expect.poll(channelMessages).toContain("🏆 **Demo Player** set the first **Tap Tap** record: **42**.");

    await page.getByRole("link", { name: "Arcade", exact: true }).click();
    await expect(page.getByRole("article", { name: "Tap Tap", exact: true }).getByTestId("game-record")).toHaveText("🏆 Best: Demo Player · 42");
  } finally {
    // Its open event stream would hold the stack's portal up at the end.
    await page?.context().close();
    await bot.stop();
  }
});
