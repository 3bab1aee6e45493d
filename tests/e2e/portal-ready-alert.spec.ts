import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { getGameOrThrow, loadCatalogue } from "@/lib/games";
import { PlayPage } from "./pages/play-page";
import { openSignedIn } from "./pages/sign-in-page";
import { controllableVisibility, setPageHidden } from "./support/device";
import { ensureStopped, stackEnv } from "./support/portal-stack";

const catalogue = loadCatalogue("games-demo");
const starDodge = getGameOrThrow(catalogue, "star-dodge");

type Seen = { asked: number; shown: Array<{ title: string; body: string }> };

/** Counts permission requests and records the notifications the page shows (they still go to the real API). */
async function watchNotifications(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: Seen = { asked: 0, shown: [] };
    (window as unknown as { notificationsSeen: Seen }).notificationsSeen = seen;
    const Real = window.Notification;
    const ask = Real.requestPermission.bind(Real);
    class Watched extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.shown.push({ title, body: options?.body ?? "" });
      }
      static override requestPermission(): Promise<NotificationPermission> {
        seen.asked++;
        return ask();
      }
    }
    window.Notification = Watched as typeof Notification;
  });
}

const notificationsSeen = (page: Page) => page.evaluate(() => (window as unknown as { notificationsSeen: Seen }).notificationsSeen);
const faviconHref = (page: Page) => page.locator('link[rel~="icon"]').first().getAttribute("href");

test.describe("a game booting in a background tab", () => {
  test.afterEach(async () => {
    await ensureStopped(starDodge.id);
  });

  test("says in the tab's title and icon when it is ready, and back in the tab they are as before", async ({ browser }) => {
    await ensureStopped(starDodge.id);
    const { context, page } = await openSignedIn(browser, "Demo player");
    await controllableVisibility(context);
    try {
      await page.goto(`${stackEnv().portalUrl}/play/${starDodge.id}`);
      const play = new PlayPage(page);
      await expect(play.stages()).toBeVisible();
      const title = await page.title();
      const icon = await faviconHref(page);
      expect(title).toBe(`Play ${starDodge.name} · Cartofia Arcade`);
      await setPageHidden(page, true);

      await expect(page).toHaveTitle(`▶ ${starDodge.name} is ready`, { timeout: 15_000 });
      expect(await faviconHref(page)).toBe("/icon-ready.svg");
      await setPageHidden(page, false);
      await expect(page).toHaveTitle(title);
      expect(await faviconHref(page)).toBe(icon);
    } finally {
      await context.close();
    }
  });

  test("shows a notification only to a player who asked with a click, and asks for permission only on that click", async ({ browser }) => {
    await ensureStopped(starDodge.id);
    const { context, page } = await openSignedIn(browser, "Demo player", undefined, { permissions: ["notifications"] });
    await controllableVisibility(context);
    await watchNotifications(context);
    try {
      await page.goto(`${stackEnv().portalUrl}/play/${starDodge.id}`);
      await expect(new PlayPage(page).stages()).toBeVisible();
      const ask = page.getByRole("button", { name: "Tell me when it's ready" });
      await expect(ask).toBeVisible();
      expect((await notificationsSeen(page)).asked).toBe(0);
      await ask.click();
      await expect(page.getByText("You will get a notification when it is ready.")).toBeVisible();
      expect((await notificationsSeen(page)).asked).toBe(1);
      await setPageHidden(page, true);

      await expect(page).toHaveTitle(`▶ ${starDodge.name} is ready`, { timeout: 15_000 });
      expect((await notificationsSeen(page)).shown).toEqual([{ title: `${starDodge.name} is ready`, body: "Come back to the arcade tab to play." }]);

      // Another boot watched without the click: the title still changes, no notification.
      await setPageHidden(page, false);
      await ensureStopped(starDodge.id);
      await page.goto(`${stackEnv().portalUrl}/play/${starDodge.id}`);
      await expect(new PlayPage(page).stages()).toBeVisible();
      await setPageHidden(page, true);
      await expect(page).toHaveTitle(`▶ ${starDodge.name} is ready`, { timeout: 15_000 });
      expect(await notificationsSeen(page)).toEqual({ asked: 0, shown: [] });
    } finally {
      await context.close();
    }
  });
});
