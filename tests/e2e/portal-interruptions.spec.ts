import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { getGameOrThrow, loadCatalogue } from "@/lib/games";
import { AdminPage } from "./pages/admin-page";
import { HomePage } from "./pages/home-page";
import { PlayPage } from "./pages/play-page";
import { openSignedIn } from "./pages/sign-in-page";
import { controllableVisibility, setPageHidden } from "./support/device";
import { callPortal, controlProxmox, ensureReady, ensureStopped, stackEnv, waitForGameState } from "./support/portal-stack";

const catalogue = loadCatalogue("games-demo");
const snake = getGameOrThrow(catalogue, "snake");
const starDodge = getGameOrThrow(catalogue, "star-dodge");
const brickBlitz = getGameOrThrow(catalogue, "brick-blitz");

/** A friend with the game open in their browser, and the game started in its frame. */
async function playing(browser: Browser, gameName: string): Promise<{ context: BrowserContext; page: Page; play: PlayPage }> {
  const { context, page } = await openSignedIn(browser, "Demo player");
  const home = new HomePage(page);
  await home.waitUntilLive();
  await home.play(gameName);
  const play = new PlayPage(page);
  await play.expectGameStarted();
  return { context, page, play };
}

// Brick Blitz is left open in a tab the player switched away from, from the start of this file: nobody plays it
// while the tests before the last one run, which is the minute of idle time the last test needs.
let idleTab: { context: BrowserContext; page: Page } | undefined;

test.describe("interruptions are announced", () => {
  test.beforeAll(async ({ browser }) => {
    await ensureReady(brickBlitz.id);
    const { context, page } = await openSignedIn(browser, "Demo player");
    await controllableVisibility(context);
    await page.goto(`${stackEnv().portalUrl}/play/${brickBlitz.id}`);
    await new PlayPage(page).expectGameState("ready");
    await setPageHidden(page, true);
    // A hidden tab sends no heartbeats; saying goodbye now starts the idle clock at once instead of after 75 s.
    const left = await page.request.delete(`${stackEnv().portalUrl}/api/v1/games/${brickBlitz.id}/presence`, { headers: { origin: stackEnv().portalUrl } });
    expect(left.status()).toBe(204);
    idleTab = { context, page };
  });

  test.afterAll(async () => {
    await idleTab?.context.close();
    await callPortal(`/api/v1/games/${brickBlitz.id}/settings`, "PATCH", { idleStopMinutes: null });
    await Promise.all([snake, starDodge, brickBlitz].map((g) => ensureStopped(g.id)));
  });

  test("an admin's shutdown names who is playing; the player gets a countdown the admin can call off, or is dropped at once", async ({ browser }) => {
    await ensureReady(snake.id);
    const friend = await playing(browser, snake.name);
    const admin = await openSignedIn(browser, "Demo admin");
    const watcher = await friend.context.newPage();
    try {
      const adminPage = new AdminPage(admin.page);
      await adminPage.goto();
      await expect(adminPage.row(snake.name)).toContainText(/Demo Player is playing|Playing: Demo Player/);
      await adminPage.powerButton(snake.name, "Shut down").click();
      const dialog = adminPage.dialog();
      await expect(dialog).toContainText("Demo Player is playing Snake right now.");
      await expect(dialog.getByRole("radio", { name: /^In 60 s: they see a countdown/ })).toBeChecked();
      await dialog.getByRole("button", { name: "Shut down", exact: true }).click();

      const banner = friend.play.shutdownBanner();
      await expect(banner).toContainText(/Snake shuts down in (1:00|0:5\d) · Demo Admin is shutting it down; finish your run/);
      await expect(adminPage.row(snake.name).getByTestId("planned-shutdown")).toContainText(/Shuts down in (1:00|0:5\d) \(Demo Admin planned it\)/);
      await adminPage.row(snake.name).getByRole("button", { name: "Cancel shutdown" }).click();
      await expect(banner).toBeHidden();
      await expect(friend.play.frameElement()).toBeVisible();
      expect((await callPortal<{ state: string }>(`/api/v1/games/${snake.id}`)).body.state).toBe("ready");

      // A slow guest keeps the game "stopping" long enough to look at it: no power button works then except
      // Force stop, and no card promises a boot time.
      await new HomePage(watcher).goto();
      await controlProxmox("timing", { guestShutdownMs: 4_000 });
      await adminPage.power(snake.name, "Shut down", { now: true });
      await expect(friend.page.getByRole("heading", { name: `${snake.name} is shutting down` })).toBeVisible();
      await expect(friend.page.getByText("Demo Admin shut it down.")).toBeVisible();
      await expect(adminPage.badge(snake.name)).toHaveAttribute("data-state", "stopping");
      for (const label of ["Start", "Shut down", "Reboot"] as const) await expect(adminPage.powerButton(snake.name, label)).toBeDisabled();
      await expect(adminPage.powerButton(snake.name, "Force stop")).toBeEnabled();
      const card = new HomePage(watcher).card(snake.name);
      await expect(card).toContainText("Stopped by Demo Admin");
      await expect(card).not.toContainText("usually ready in");
      await expect(friend.page.getByRole("heading", { name: `${snake.name} was shut down` })).toBeVisible({ timeout: 15_000 });
      await expect(card).toContainText(/usually ready in ~\d+ s/);

      await admin.page.reload();
      await expect(adminPage.auditEntries().filter({ hasText: "Demo Admin is shutting down Snake in 60 s from the web; the players see a countdown" })).toHaveCount(1);
      await expect(adminPage.auditEntries().filter({ hasText: "Demo Admin cancelled the planned shutdown of Snake from the web" })).toHaveCount(1);
    } finally {
      await controlProxmox("timing", { guestShutdownMs: 400 });
      await Promise.all([friend.context.close(), admin.context.close()]);
    }
  });

  test("a shutdown asked for through the API waits a minute for a player by default, and its countdown runs out on their page", async ({ browser }) => {
    await ensureReady(starDodge.id);
    const friend = await playing(browser, starDodge.name);
    try {
      // The bot and automation get the same default as the web: a countdown when someone is playing.
      await expect.poll(async () => (await callPortal<{ playerCount: number }>(`/api/v1/games/${starDodge.id}`)).body.playerCount).toBe(1);
      expect((await callPortal(`/api/v1/games/${starDodge.id}/shutdown`, "POST")).status).toBe(202);
      const banner = friend.play.shutdownBanner();
      await expect(banner).toContainText(/Star Dodge shuts down in (1:00|0:5\d) · API token is shutting it down/);
      expect((await callPortal(`/api/v1/games/${starDodge.id}/shutdown`, "DELETE")).status).toBe(200);
      await expect(banner).toBeHidden();
      expect((await callPortal<{ error: { message: string } }>(`/api/v1/games/${starDodge.id}/shutdown`, "DELETE")).body.error.message).toBe(
        "No shutdown of Star Dodge is planned.",
      );

      expect((await callPortal(`/api/v1/games/${starDodge.id}/shutdown`, "POST", { delaySec: 3 })).status).toBe(202);
      await expect(banner).toContainText(/Star Dodge shuts down in 0:0[23]/);
      await expect(friend.page.getByRole("heading", { name: /^Star Dodge (is shutting down|was shut down)$/ })).toBeVisible({ timeout: 10_000 });
      await expect(friend.page.getByText("API token shut it down.")).toBeVisible();
      await waitForGameState(starDodge.id, "stopped");
    } finally {
      await friend.context.close();
    }
  });

  test("a reboot tells the player it is restarting and brings them back into the game", async ({ browser }) => {
    await ensureReady(snake.id);
    const friend = await playing(browser, snake.name);
    const admin = await openSignedIn(browser, "Demo admin");
    try {
      const adminPage = new AdminPage(admin.page);
      await adminPage.goto();
      await expect(adminPage.row(snake.name)).toContainText(/Demo Player is playing|Playing: Demo Player/);
      await adminPage.powerButton(snake.name, "Reboot").click();
      await expect(adminPage.dialog()).toContainText(
        `Demo Player is playing Snake right now. They see that it is restarting and go back to the game when CT ${snake.vmid} answers again.`,
      );
      await adminPage.dialog().getByRole("button", { name: "Reboot", exact: true }).click();

      await expect(friend.page.getByRole("heading", { name: "Restarting Snake" })).toBeVisible();
      await expect(friend.page.getByText("Demo Admin is restarting it; you go back to the game as soon as it answers.")).toBeVisible();
      await expect(friend.page.getByText("taking longer than usual")).toHaveCount(0);
      await expect(adminPage.row(snake.name)).toContainText("Restarting: Demo Admin rebooted it.");
      await friend.play.expectGameStarted(20_000);
      await expect(friend.play.stages()).toHaveCount(0);
    } finally {
      await Promise.all([friend.context.close(), admin.context.close()]);
    }
  });

  test("lowering the idle time says before saving that the game goes to sleep; the player who left it reads why and wakes it again", async ({ browser }) => {
    test.setTimeout(120_000);
    const { context, page } = await openSignedIn(browser, "Demo admin");
    try {
      const admin = new AdminPage(page);
      await admin.goto();
      const settings = admin.settings(brickBlitz.name);
      await settings.getByLabel("Sleep after idle (min, 0 = never)").fill("1");
      // Said while the field is edited, before anything is saved; it holds once a minute without players has passed.
      await expect(settings.getByTestId("idle-preview")).toHaveText(
        /^Nobody has played Brick Blitz for \d+ min: with 1 min it goes to sleep as soon as you save\.$/,
        { timeout: 75_000 },
      );
      expect((await callPortal<{ state: string }>(`/api/v1/games/${brickBlitz.id}`)).body.state).toBe("ready");
      await settings.getByRole("button", { name: "Save" }).click();

      const player = idleTab!.page;
      await expect(player.getByRole("heading", { name: /^Brick Blitz (is going|went) to sleep$/ })).toBeVisible();
      await expect(player.getByTestId("play-reason")).toHaveText("Nobody played for 1 min, so its server went to sleep.");
      await setPageHidden(player, false);
      await player.getByRole("button", { name: "Wake it again" }).click();
      await expect(new PlayPage(player).stages()).toBeVisible();
      await new PlayPage(player).expectGameState("playing", 20_000);
    } finally {
      await context.close();
    }
  });
});
