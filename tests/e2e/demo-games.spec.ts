import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Browser, Frame, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { type Game, loadCatalogue } from "@/lib/games";
import { type StaticServer, startStaticServer } from "./support/static-server";

// Each demo game is served by its own loopback server (its CT) and embedded by a "portal" page on another
// port, so the frame is cross-origin as in production: activation and focus do not leak in from the parent.
const demoDir = fileURLToPath(new URL("../../games-demo", import.meta.url));
const games = loadCatalogue(demoDir).games;
const SEED = "e2e";

const hosts = new Map<string, StaticServer>();
let portal: StaticServer;

function gameUrl(id: string): string {
  const host = hosts.get(id);
  if (!host) throw new Error(`no server for game "${id}"`);
  return `${host.url}?seed=${SEED}`;
}

function portalPage(game: Game, src: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal stand-in</title>
<style>body{margin:0;height:3000px;background:#111}iframe{display:block;width:640px;aspect-ratio:${game.aspectRatio};border:0}</style>
</head><body><script>
window.messages = [];
addEventListener("message", (e) => { if (e.origin === ${JSON.stringify(new URL(src).origin)}) window.messages.push(e.data); });
</script><iframe id="game" title=${JSON.stringify(game.name)} allow="autoplay; fullscreen; gamepad" src="${src}"></iframe>
</body></html>`;
}

test.beforeAll(async () => {
  for (const game of games) hosts.set(game.id, await startStaticServer({ root: [path.join(game.dir, "web"), path.join(game.dir, "..", "_shell")] }));
  portal = await startStaticServer({ pages: Object.fromEntries(games.map((g) => [`/${g.id}`, portalPage(g, gameUrl(g.id))])) });
});

test.afterAll(async () => {
  await Promise.all([portal, ...hosts.values()].filter(Boolean).map((server) => server.close()));
});

type Embedded = { page: Page; frame: Frame; requests: string[] };

async function openInPortal(page: Page, id: string): Promise<Embedded> {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${portal.url}${id}`);
  const frame = await (await page.locator("#game").elementHandle())?.contentFrame();
  if (!frame) throw new Error("the portal page has no game frame");
  await waitForState(frame, "ready");
  return { page, frame, requests };
}

async function openOnPhone(browser: Browser, id: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(gameUrl(id));
  await waitForState(page.mainFrame(), "ready");
  return page;
}

// Polling on animation frames: expect.poll backs off to one-second steps, which would make this file slow.
async function waitForState(frame: Frame, state: string, timeout = 10_000): Promise<void> {
  await frame.waitForFunction((s) => document.body.dataset.state === s, state, { polling: "raf", timeout });
}
async function waitForScoreAbove(frame: Frame, floor: number, timeout = 10_000): Promise<void> {
  await frame.waitForFunction((f) => Number(document.body.dataset.score) > f, floor, { polling: "raf", timeout });
}
const stateOf = (frame: Frame) => frame.evaluate(() => document.body.dataset.state);
const scoreOf = (frame: Frame) => frame.evaluate(() => Number(document.body.dataset.score));
const messagesOf = (page: Page) => page.evaluate(() => (window as unknown as { messages: unknown[] }).messages);

// The gate starts on a click anywhere in the frame, like pygbag's; the pulsing button is never "stable" for Playwright.
async function clickToStart(frame: Frame): Promise<void> {
  await expect(frame.getByRole("button", { name: "Click or tap to start" })).toBeVisible();
  await frame.locator("#overlay").click({ position: { x: 30, y: 90 } });
  await waitForState(frame, "playing");
}

const gameSpecific: Record<string, () => void> = {
  snake() {
    // Shell behaviour: arcade/ is byte-identical in every game (tests/unit/demo-games.test.ts), so one game covers it.
    test("pauses when the player clicks the portal outside the frame, resumes on a click inside", async ({ page }) => {
      const { frame } = await openInPortal(page, "snake");
      await clickToStart(frame);
      await page.mouse.click(1000, 600);
      await waitForState(frame, "paused");
      await expect(frame.getByRole("button", { name: "Resume", exact: true })).toBeVisible();
      await frame.locator("#overlay").click({ position: { x: 30, y: 90 } });
      await waitForState(frame, "playing");
    });

    test("eats the apple ahead and crashes into the wall when left alone; best score and mute survive a reload", async ({ page }) => {
      const { frame } = await openInPortal(page, "snake");
      await clickToStart(frame);
      await waitForScoreAbove(frame, 0);
      await waitForState(frame, "over");
      const score = await scoreOf(frame);
      await expect(frame.getByRole("heading", { name: "Game over" })).toBeVisible();
      await page.keyboard.press("Enter");
      await waitForState(frame, "playing");
      expect(await scoreOf(frame)).toBe(0);
      await page.keyboard.press("m");
      await expect(frame.getByRole("button", { name: "Mute sound (M)" })).toHaveAttribute("aria-pressed", "true");
      await page.reload();
      const reloaded = page.frameLocator("#game");
      await expect(reloaded.locator('[data-when="ready"] [data-out="best"]')).toHaveText(String(score));
      await expect(reloaded.getByRole("button", { name: "Mute sound (M)" })).toHaveAttribute("aria-pressed", "true");
    });

    test("turning up with an arrow key at once misses the apple", async ({ page }) => {
      const { frame } = await openInPortal(page, "snake");
      await clickToStart(frame);
      await page.keyboard.press("ArrowUp");
      await waitForState(frame, "over");
      expect(await scoreOf(frame)).toBe(0);
    });

    test("a swipe up on a touch screen steers like the arrow key", async ({ browser }) => {
      const page = await openOnPhone(browser, "snake", 390, 844);
      await page.locator("#overlay").tap({ position: { x: 30, y: 90 } });
      await waitForState(page.mainFrame(), "playing");
      const box = await page.locator("#screen").boundingBox();
      if (!box) throw new Error("no canvas on the page");
      const cdp = await page.context().newCDPSession(page);
      const at = (dy: number) => [{ x: box.x + box.width / 2, y: box.y + box.height / 2 + dy }];
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
      for (const dy of [-15, -30, -45, -60]) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(dy) });
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      await waitForState(page.mainFrame(), "over");
      expect(await scoreOf(page.mainFrame())).toBe(0);
      await page.context().close();
    });
  },

  "brick-blitz"() {
    test("the ball waits on the paddle until Space launches it, then breaks bricks for points", async ({ page }) => {
      const { frame } = await openInPortal(page, "brick-blitz");
      await clickToStart(frame);
      await page.waitForTimeout(600);
      expect(await scoreOf(frame)).toBe(0);
      await page.keyboard.press("Space");
      await waitForScoreAbove(frame, 0, 5_000);
      await expect(frame.locator(".hud")).toContainText("Lives 3");
    });
  },

  "star-dodge"() {
    test("starts from a key press once the portal focuses the frame, and the score grows while you survive", async ({ page }) => {
      const { frame } = await openInPortal(page, "star-dodge");
      await page.evaluate(() => (document.getElementById("game") as HTMLIFrameElement).contentWindow?.focus());
      await page.keyboard.press("Enter");
      await waitForState(frame, "playing");
      await expect.poll(() => messagesOf(page)).toContainEqual({ type: "arcade:started", game: "star-dodge" });
      const early = await scoreOf(frame);
      await page.keyboard.down("ArrowLeft");
      await waitForScoreAbove(frame, early + 5);
      await page.keyboard.up("ArrowLeft");
    });

    test("shows the on-screen pad on a touch screen while playing", async ({ browser }) => {
      const page = await openOnPhone(browser, "star-dodge", 844, 390);
      await expect(page.getByRole("button", { name: "Fly left" })).toBeHidden();
      await page.locator("#overlay").tap({ position: { x: 30, y: 90 } });
      await expect(page.getByRole("button", { name: "Fly left" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Raise shield" })).toBeVisible();
      await page.context().close();
    });

    test("pauses when the browser reports the tab hidden", async ({ page }) => {
      const { frame } = await openInPortal(page, "star-dodge");
      await clickToStart(frame);
      // Headless Chromium never hides a tab, so the test plays the browser's part.
      await frame.evaluate(() => {
        Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
        document.dispatchEvent(new Event("visibilitychange"));
      });
      await waitForState(frame, "paused");
    });
  },
};

for (const game of games) {
  test.describe(game.name, () => {
    test("waits behind the start gate until a click inside the cross-origin frame, then tells the portal", async ({ page }) => {
      const { frame, requests } = await openInPortal(page, game.id);
      await expect.poll(() => messagesOf(page)).toContainEqual({ type: "arcade:loaded", game: game.id });
      await expect(frame.getByRole("heading", { name: game.name })).toBeVisible();
      await page.waitForTimeout(400);
      expect(await stateOf(frame)).toBe("ready");
      expect(await messagesOf(page)).not.toContainEqual({ type: "arcade:started", game: game.id });

      await clickToStart(frame);
      await expect.poll(() => messagesOf(page)).toContainEqual({ type: "arcade:started", game: game.id });
      await expect(frame.locator("#screen")).toBeFocused();
      const origins = new Set(requests.map((url) => new URL(url).origin));
      expect([...origins].sort()).toEqual([new URL(portal.url).origin, new URL(gameUrl(game.id)).origin].sort());
    });

    test("arrow keys and Space stay inside the game instead of scrolling the portal; P pauses and resumes", async ({ page }) => {
      const { frame } = await openInPortal(page, game.id);
      await clickToStart(frame);
      await page.keyboard.press("p");
      await waitForState(frame, "paused");
      const frozen = await scoreOf(frame);
      for (const key of ["ArrowDown", "ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft"]) await page.keyboard.press(key);
      await page.waitForTimeout(500);
      expect(await stateOf(frame)).toBe("paused");
      expect(await scoreOf(frame)).toBe(frozen);

      await page.keyboard.press("p");
      await waitForState(frame, "playing");
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    });

    gameSpecific[game.id]?.();
  });
}

test.describe("sizing", () => {
  const screens = [
    { label: "a 360 px phone", width: 360, height: 640, scale: 3 },
    { label: "a 4K screen", width: 3840, height: 2160, scale: 1 },
  ];
  for (const screen of screens) {
    test(`every game fills ${screen.label} at its own aspect ratio, crisp at the device pixel ratio`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.scale });
      const page = await context.newPage();
      for (const game of games) {
        const [w = 0, h = 1] = game.aspectRatio.split("/").map(Number);
        await page.goto(gameUrl(game.id));
        const box = await page.locator("#stage").boundingBox();
        if (!box) throw new Error(`${game.id}: no stage`);
        expect(box.width).toBeLessThanOrEqual(screen.width);
        expect(box.height).toBeLessThanOrEqual(screen.height);
        expect(Math.min(screen.width - box.width, screen.height - box.height)).toBeLessThan(2);
        expect(Math.abs(box.width / box.height - w / h)).toBeLessThan(0.01);
        const backing = await page.locator("#screen").evaluate((canvas: HTMLCanvasElement) => canvas.width);
        expect(backing).toBe(Math.round(box.width * Math.min(screen.scale, 4096 / Math.max(box.width, box.height))));
      }
      await context.close();
    });
  }
});
