import { expect, test } from "./support/test";
import { getGameOrThrow, loadCatalogue } from "@/lib/games";
import { AdminPage } from "./pages/admin-page";
import { HomePage } from "./pages/home-page";
import { PlayPage } from "./pages/play-page";
import { openSignedIn } from "./pages/sign-in-page";
import { callPortal, ensureReady, ensureStopped, stackEnv, waitForGameState } from "./support/portal-stack";

const catalogue = loadCatalogue("games-demo");
const snake = getGameOrThrow(catalogue, "snake");
const starDodge = getGameOrThrow(catalogue, "star-dodge");
const brickBlitz = getGameOrThrow(catalogue, "brick-blitz");

test.describe("the admin page", () => {
  test("a member gets a 403 page, no Admin link, and 403 from every admin API call", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo player");
    const response = await page.goto(`${stackEnv().portalUrl}/admin`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByText("403 · Forbidden")).toBeVisible();
    await expect(page.getByRole("group", { name: /Power actions/ })).toHaveCount(0);

    const origin = { origin: stackEnv().portalUrl };
    const stop = await page.request.post(`${stackEnv().portalUrl}/api/v1/games/${snake.id}/stop`, { headers: origin });
    expect(stop.status()).toBe(403);
    expect((await stop.json()).error.message).toMatch(/Only arcade admins/);
    const settings = await page.request.patch(`${stackEnv().portalUrl}/api/v1/games/${snake.id}/settings`, { headers: origin, data: { bootTimeoutSec: 5 } });
    expect(settings.status()).toBe(403);
    expect((await page.request.get(`${stackEnv().portalUrl}/api/v1/audit`)).status()).toBe(403);
    for (const path of [`/api/v1/games/${snake.id}/metrics?window=day`, "/api/v1/nodes"]) {
      const refused = await page.request.get(`${stackEnv().portalUrl}${path}`);
      expect(refused.status()).toBe(403);
      expect((await refused.json()).error.message).toMatch(/Only arcade admins can see/);
    }
    await context.close();
  });

  test("an admin shuts a game down after confirming, and both browsers see it stop", async ({ browser }) => {
    await ensureReady(snake.id);
    const admin = await openSignedIn(browser, "Demo admin");
    const friend = await openSignedIn(browser, "Demo player");
    try {
      const friendHome = new HomePage(friend.page);
      await friendHome.waitUntilLive();
      await friendHome.play(snake.name);
      const friendPlay = new PlayPage(friend.page);
      await friendPlay.expectGameStarted();

      const adminPage = new AdminPage(admin.page);
      await adminPage.goto();
      await expect(adminPage.badge(snake.name)).toHaveAttribute("data-state", "ready");
      await adminPage.powerButton(snake.name, "Shut down").click();
      await expect(adminPage.dialog().getByRole("heading", { name: `Shut down ${snake.name}?` })).toBeVisible();
      await adminPage.dialog().getByRole("button", { name: "Cancel" }).click();
      await expect(adminPage.dialog()).toBeHidden();
      await expect(adminPage.badge(snake.name)).toHaveAttribute("data-state", "ready");

      await adminPage.power(snake.name, "Shut down", { now: true });
      await expect(adminPage.badge(snake.name)).toHaveAttribute("data-state", "stopped", { timeout: 15_000 });
      await expect(friend.page.getByRole("heading", { name: `${snake.name} was shut down` })).toBeVisible();
      await expect(friendPlay.frameElement()).toHaveCount(0);
      await expect(friend.page.getByText("Demo Admin shut it down.")).toBeVisible();

      await friend.page.getByRole("link", { name: "Back to the arcade" }).click();
      await friendHome.expectState(snake.name, "stopped", "Stopped");

      await admin.page.reload();
      const latest = adminPage.auditEntries().filter({ hasText: `Demo Admin is shutting down ${snake.name}` }).first();
      await expect(latest).toContainText("From Web");
    } finally {
      await Promise.all([admin.context.close(), friend.context.close()]);
      await ensureStopped(snake.id);
    }
  });

  test("the audit filters by game and by person, and settings are stored", async ({ browser }) => {
    // Someone else's entry on the same game, which the person filter has to leave out.
    const friend = await openSignedIn(browser, "Demo player");
    const played = await friend.page.request.post(`${stackEnv().portalUrl}/api/v1/games/${starDodge.id}/play`, { headers: { origin: stackEnv().portalUrl } });
    expect(played.ok()).toBe(true);
    await friend.context.close();
    await waitForGameState(starDodge.id, "ready");
    const { context, page } = await openSignedIn(browser, "Demo admin");
    try {
      const admin = new AdminPage(page);
      await admin.goto();
      const settings = admin.settings(starDodge.name);
      await settings.getByLabel("Boot timeout (s)").fill("75");
      await settings.getByRole("button", { name: "Save" }).click();
      await expect(settings.getByRole("status")).toHaveText("Saved.");
      await page.reload();
      await expect(admin.settings(starDodge.name).getByLabel("Boot timeout (s)")).toHaveValue("75");

      const entries = admin.auditEntries();
      await admin.filterAudit({ game: starDodge.name, person: "Everyone" });
      await expect(entries.filter({ hasText: "By Demo Player" }).first()).toBeVisible();

      await admin.filterAudit({ game: starDodge.name, person: "Demo Admin" });
      await expect(page).toHaveURL(/game=star-dodge&actor=\d+#audit$/);
      await expect(entries.first()).toContainText(`Demo Admin changed the settings of ${starDodge.name}`);
      await expect(entries.first()).toContainText("boot timeout 75 s");
      await expect(entries.filter({ hasText: "By Demo Player" })).toHaveCount(0);
      for (const text of await entries.allInnerTexts()) {
        expect(text).toContain(starDodge.name);
        expect(text).toContain("By Demo Admin");
      }

      await admin.settings(starDodge.name).getByLabel("Boot timeout (s)").fill("");
      await admin.settings(starDodge.name).getByRole("button", { name: "Save" }).click();
      await expect(admin.settings(starDodge.name).getByRole("status")).toHaveText("Saved.");
    } finally {
      await context.close();
      await ensureStopped(starDodge.id);
    }
  });

  test("the audit pages back 25 entries at a time and returns to the newest", async ({ browser }) => {
    // 26 settings changes through the API, each with its own value, newest last.
    for (let seconds = 30; seconds <= 55; seconds++) {
      expect((await callPortal(`/api/v1/games/${brickBlitz.id}/settings`, "PATCH", { bootTimeoutSec: seconds })).status).toBe(200);
    }
    const { context, page } = await openSignedIn(browser, "Demo admin");
    try {
      const admin = new AdminPage(page);
      await admin.goto(`?game=${brickBlitz.id}`);
      const entries = admin.auditEntries();
      await expect(entries).toHaveCount(25);
      await expect(entries.first()).toContainText("boot timeout 55 s");
      await expect(entries.last()).toContainText("boot timeout 31 s");

      await page.getByRole("link", { name: "Older events" }).click();
      await expect(page).toHaveURL(/game=brick-blitz&before=\d+#audit$/);
      await expect(entries.first()).toContainText("boot timeout 30 s");
      await expect(entries.filter({ hasText: "boot timeout 55 s" })).toHaveCount(0);

      await page.getByRole("link", { name: "Newest events" }).click();
      await expect(entries.first()).toContainText("boot timeout 55 s");
    } finally {
      await context.close();
      await callPortal(`/api/v1/games/${brickBlitz.id}/settings`, "PATCH", { bootTimeoutSec: null });
    }
  });
});
