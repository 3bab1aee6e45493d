import { expect, test } from "./support/test";
import { getGameOrThrow, loadCatalogue } from "@/lib/games";
import { PlayPage } from "./pages/play-page";
import { openSignedIn } from "./pages/sign-in-page";
import { LANDSCAPE, PHONE, PORTRAIT, pinchAt, screenShare, setSafeArea, withoutFullscreenApi } from "./support/device";
import { callPortal, ensureReady, stackEnv } from "./support/portal-stack";

const catalogue = loadCatalogue("games-demo");
const starDodge = getGameOrThrow(catalogue, "star-dodge");
const FRAME = 'iframe[title$=" game"]';

test.describe("a game on a phone", () => {
  test.beforeAll(async () => {
    await ensureReady(starDodge.id);
  });

  test("held sideways (844×390), the game takes the screen: a small back control instead of the page, nothing to scroll or zoom", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo player", LANDSCAPE, PHONE);
    try {
      await page.goto(`${stackEnv().portalUrl}/play/${starDodge.id}`);
      const play = new PlayPage(page);
      await play.expectGameState("ready");
      expect(await screenShare(page, FRAME)).toBeGreaterThanOrEqual(0.85);

      // The page steps aside: no header, no title bar, no Controls; one small way back.
      await expect(page.getByRole("banner")).toBeHidden();
      await expect(page.getByRole("link", { name: "Arcade", exact: true })).toBeHidden();
      await expect(play.controlsSummary()).toBeHidden();
      const back = page.getByRole("link", { name: "Back to the arcade" });
      await expect(back).toBeVisible();
      const backBox = (await back.boundingBox())!;
      expect(backBox.width * backBox.height).toBeLessThanOrEqual(48 * 48);

      // Nothing under the player's fingers moves the page.
      expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
      await page.touchscreen.tap(422, 195);
      expect(await pinchAt(page, 422, 195)).toBe(1);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(await page.locator('meta[name="viewport"]').getAttribute("content")).toMatch(/viewport-fit=cover/);

      await back.click();
      await expect(page).toHaveURL(`${stackEnv().portalUrl}/`);
      // Every other page still zooms: only the play page gives up pinch-zoom.
      expect(await pinchAt(page, 200, 200)).toBeGreaterThan(1.5);
    } finally {
      await context.close();
    }
  });

  test("upright (390×844), the game is full width with a hint to turn the phone; sideways, the hint goes and the game grows", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo player", PORTRAIT, PHONE);
    try {
      await page.goto(`${stackEnv().portalUrl}/play/${starDodge.id}`);
      const play = new PlayPage(page);
      await play.expectGameState("ready");
      const box = (await play.frameElement().boundingBox())!;
      expect(box.x).toBe(0);
      expect(box.width).toBe(PORTRAIT.width);
      expect(box.height).toBeCloseTo((PORTRAIT.width * 9) / 16, 0);
      const hint = page.getByText("Turn your phone sideways for a bigger game.");
      await expect(hint).toBeVisible();
      await expect(page.getByRole("banner")).toBeHidden();

      // A planned shutdown's countdown sits beside the floating buttons, clear of them and of the game.
      expect((await callPortal(`/api/v1/games/${starDodge.id}/shutdown`, "POST", { delaySec: 60 })).status).toBe(202);
      const banner = play.shutdownBanner();
      await expect(banner).toContainText(/Star Dodge shuts down in (1:00|0:5\d)/);
      const notice = (await banner.boundingBox())!;
      const buttons = (await page.getByRole("group", { name: "Game controls" }).boundingBox())!;
      expect(notice.x).toBeGreaterThanOrEqual(buttons.x + buttons.width);
      expect(notice.x + notice.width).toBeLessThanOrEqual(PORTRAIT.width);
      expect(notice.y + notice.height).toBeLessThanOrEqual(box.y);
      expect((await callPortal(`/api/v1/games/${starDodge.id}/shutdown`, "DELETE")).status).toBe(200);
      await expect(banner).toBeHidden();

      await page.setViewportSize(LANDSCAPE);
      await expect(hint).toBeHidden();
      await expect.poll(() => screenShare(page, FRAME)).toBeGreaterThanOrEqual(0.85);
    } finally {
      await context.close();
    }
  });

  test("keeps the game and its controls inside the safe area of a notched phone", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo player", LANDSCAPE, PHONE);
    try {
      await setSafeArea(page, { left: 47, right: 47, bottom: 21 });
      await page.goto(`${stackEnv().portalUrl}/play/${starDodge.id}`);
      const play = new PlayPage(page);
      await play.expectGameState("ready");
      const frame = (await play.frameElement().boundingBox())!;
      expect(frame.x).toBeGreaterThanOrEqual(47);
      expect(frame.x + frame.width).toBeLessThanOrEqual(LANDSCAPE.width - 47);
      expect(frame.y + frame.height).toBeLessThanOrEqual(LANDSCAPE.height - 21);
      expect((await page.getByRole("link", { name: "Back to the arcade" }).boundingBox())!.x).toBeGreaterThanOrEqual(47);

      await page.setViewportSize(PORTRAIT);
      await setSafeArea(page, { top: 47, bottom: 34 });
      await expect.poll(async () => (await page.getByRole("link", { name: "Back to the arcade" }).boundingBox())!.y).toBeGreaterThanOrEqual(47);
      const upright = (await play.frameElement().boundingBox())!;
      expect(upright.y).toBeGreaterThanOrEqual(47);
      expect(upright.y + upright.height).toBeLessThanOrEqual(PORTRAIT.height - 34);
    } finally {
      await context.close();
    }
  });

  test("where the browser has no element fullscreen (iPhone Safari), Fill screen covers the page with the game and gives it back", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo player", PORTRAIT, PHONE);
    await withoutFullscreenApi(context);
    try {
      await page.goto(`${stackEnv().portalUrl}/play/${starDodge.id}`);
      const play = new PlayPage(page);
      await play.expectGameState("ready");
      await expect(page.getByRole("button", { name: "Fullscreen" })).toHaveCount(0);
      await page.getByRole("button", { name: "Fill screen", exact: true }).click();
      await expect.poll(() => screenShare(page, FRAME)).toBe(1);
      await expect(page.getByRole("link", { name: "Back to the arcade" })).toBeHidden();
      await page.getByRole("button", { name: "Exit fill screen" }).click();
      await expect(page.getByRole("link", { name: "Back to the arcade" })).toBeVisible();
      expect(await screenShare(page, FRAME)).toBeLessThan(0.5);
    } finally {
      await context.close();
    }
  });

  test("on a desktop browser without element fullscreen, Fill screen stands in for Fullscreen too", async ({ browser }) => {
    const { context, page } = await openSignedIn(browser, "Demo player");
    await withoutFullscreenApi(context);
    try {
      await page.goto(`${stackEnv().portalUrl}/play/${starDodge.id}`);
      const play = new PlayPage(page);
      await play.expectGameState("ready");
      await expect(page.getByRole("banner")).toBeVisible();
      await page.getByRole("button", { name: "Fill screen", exact: true }).click();
      await expect.poll(() => screenShare(page, FRAME)).toBe(1);
      await page.getByRole("button", { name: "Exit fill screen" }).click();
      await expect(page.getByRole("button", { name: "Fill screen", exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "Arcade", exact: true })).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
