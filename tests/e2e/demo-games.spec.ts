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

const PLAYER = { name: "Alice", avatarUrl: null };

/**
 * Like the portal: the frame greets the player with the protocol's hello once loaded. `after-play` mounts the
 * frame only when the page's Play button is pressed (the portal's user gesture), `without-autoplay` also leaves
 * out allow="autoplay".
 */
function portalPage(game: Game, src: string, mount: "at-load" | "after-play" | "without-autoplay" = "at-load"): string {
  const origin = JSON.stringify(new URL(src).origin);
  const allow = mount === "without-autoplay" ? "fullscreen; gamepad" : "autoplay; fullscreen; gamepad";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal stand-in</title>
<style>body{margin:0;height:3000px;background:#111}iframe{display:block;width:640px;aspect-ratio:${game.aspectRatio};border:0}</style>
</head><body><button id="play" type="button">Play</button><script>
window.messages = [];
addEventListener("message", (e) => { if (e.origin === ${origin}) window.messages.push(e.data); });
function mount() {
  const frame = document.createElement("iframe");
  Object.assign(frame, { id: "game", title: ${JSON.stringify(game.name)}, src: ${JSON.stringify(src)} });
  frame.setAttribute("allow", ${JSON.stringify(allow)});
  frame.addEventListener("load", () => {
    window.frameLoaded = true;
    frame.contentWindow.postMessage({ cartofia: 1, type: "hello", player: ${JSON.stringify(PLAYER)} }, ${origin});
  });
  document.body.append(frame);
}
${mount === "at-load" ? "mount();" : 'document.getElementById("play").addEventListener("click", mount, { once: true });'}
</script></body></html>`;
}

test.beforeAll(async () => {
  for (const game of games) hosts.set(game.id, await startStaticServer({ root: [path.join(game.dir, "web"), path.join(game.dir, "..", "_shell")] }));
  const pages = games.flatMap((g) => [
    [`/${g.id}`, portalPage(g, gameUrl(g.id))],
    [`/${g.id}/after-play`, portalPage(g, gameUrl(g.id), "after-play")],
    [`/${g.id}/without-autoplay`, portalPage(g, gameUrl(g.id), "without-autoplay")],
  ]);
  portal = await startStaticServer({ pages: Object.fromEntries(pages) });
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
/** The messages of the arcade's protocol (docs/games.md) among everything the game posted. */
const arcadeMessagesOf = async (page: Page) => (await messagesOf(page)).filter((m) => (m as { cartofia?: unknown }).cartofia === 1);
const bodyData = (frame: Frame) => frame.evaluate(() => ({ autoplay: document.body.dataset.autoplay, audio: document.body.dataset.audio }));
const waitForAudio = (frame: Frame, state: string) =>
  frame.waitForFunction((s) => document.body.dataset.audio === s, state, { polling: "raf", timeout: 10_000 });
const READY = { cartofia: 1, type: "ready" };
const status = (text: string) => ({ cartofia: 1, type: "status", text });
// What each game says the player is doing when a round begins.
const FIRST_STATUS: Record<string, string> = { snake: "Length 3", "brick-blitz": "Level 1", "star-dodge": "Wave 1" };

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
      expect(score).toBe(10);
      await expect(frame.getByRole("heading", { name: "Game over" })).toBeVisible();
      await expect(frame.getByText(`Well played, ${PLAYER.name}.`)).toBeVisible();
      // The finished run reaches the arcade as the protocol's score, and the status follows the game.
      await expect
        .poll(() => arcadeMessagesOf(page))
        .toEqual([READY, status("Length 3"), status("Length 4"), { cartofia: 1, type: "score", score: 10 }, status("Game over · 10")]);
      await page.keyboard.press("Enter");
      await waitForState(frame, "playing");
      expect(await scoreOf(frame)).toBe(0);
      await expect.poll(async () => (await arcadeMessagesOf(page)).at(-1)).toEqual(status("Length 3"));
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
      await expect.poll(() => arcadeMessagesOf(page)).toContainEqual(status(FIRST_STATUS["star-dodge"]!));
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
      await expect(frame.getByRole("heading", { name: game.name })).toBeVisible();
      // The portal's hello greets the player by name; the gate is drawn and takes input, so the game said ready.
      await expect(frame.getByText(`Hi ${PLAYER.name}!`)).toBeVisible();
      await expect.poll(() => arcadeMessagesOf(page)).toEqual([READY]);
      // No Play press in this page, so the browser passes no autoplay on: the gate waits, and so does the sound.
      expect(await bodyData(frame)).toEqual({ autoplay: "waiting", audio: "suspended" });
      await page.waitForTimeout(400);
      expect(await stateOf(frame)).toBe("ready");
      expect(await arcadeMessagesOf(page)).toEqual([READY]);

      await clickToStart(frame);
      await waitForAudio(frame, "running");
      await expect.poll(() => arcadeMessagesOf(page)).toEqual([READY, status(FIRST_STATUS[game.id]!)]);
      // The protocol is all the game says: the older arcade:loaded / arcade:started messages are gone.
      expect(await messagesOf(page)).toEqual(await arcadeMessagesOf(page));
      await expect(frame.locator("#screen")).toBeFocused();
      const origins = new Set(requests.map((url) => new URL(url).origin));
      expect([...origins].sort()).toEqual([new URL(portal.url).origin, new URL(gameUrl(game.id)).origin].sort());
    });

    test("arrow keys and Space stay inside the game instead of scrolling the portal; P pauses and resumes", async ({ page }) => {
      const { frame } = await openInPortal(page, game.id);
      await clickToStart(frame);
      await page.keyboard.press("p");
      await waitForState(frame, "paused");
      await expect.poll(async () => (await arcadeMessagesOf(page)).at(-1)).toEqual(status("Paused"));
      const frozen = await scoreOf(frame);
      for (const key of ["ArrowDown", "ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft"]) await page.keyboard.press(key);
      await page.waitForTimeout(500);
      expect(await stateOf(frame)).toBe("paused");
      expect(await scoreOf(frame)).toBe(frozen);

      await page.keyboard.press("p");
      await waitForState(frame, "playing");
      await expect.poll(async () => ((await arcadeMessagesOf(page)).at(-1) as { text?: string }).text).toMatch(/^(Length|Level|Wave) \d+$/);
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    });

    gameSpecific[game.id]?.();
  });
}

test.describe("one press to play", () => {
  // Chromium lets a same-site frame (another port of 127.0.0.1) play once its parent was activated, allow or not;
  // the portal through "localhost" makes the game cross-site, where only allow="autoplay" passes the Play press on.
  const crossSitePortal = () => portal.url.replace("//127.0.0.1:", "//localhost:");

  async function pressPlay(page: Page, id: string, variant: "after-play" | "without-autoplay"): Promise<Frame> {
    await page.goto(`${crossSitePortal()}${id}/${variant}`);
    await page.getByRole("button", { name: "Play" }).click();
    // Waiting in the parent: Playwright evaluates with a user gesture, which inside the frame would unlock it by itself.
    await page.waitForFunction(() => (window as unknown as { frameLoaded?: boolean }).frameLoaded === true);
    const frame = await (await page.locator("#game").elementHandle())?.contentFrame();
    if (!frame) throw new Error("the portal page has no game frame");
    return frame;
  }

  test("opened by the portal right after its Play press, every game starts at once, with sound, and says ready first", async ({ page }) => {
    for (const game of games) {
      const frame = await pressPlay(page, game.id, "after-play");
      await waitForAudio(frame, "running");
      expect(await bodyData(frame), game.id).toEqual({ autoplay: "allowed", audio: "running" });
      expect(await stateOf(frame), game.id).toMatch(/^(playing|over)$/);
      await expect(frame.getByRole("button", { name: "Click or tap to start" }), game.id).toBeHidden();
      await expect.poll(async () => (await arcadeMessagesOf(page)).slice(0, 2), game.id).toEqual([READY, status(FIRST_STATUS[game.id]!)]);
    }
  });

  test("a frame the portal does not pass autoplay on to keeps its gate until a click inside it", async ({ page }) => {
    const frame = await pressPlay(page, "star-dodge", "without-autoplay");
    await waitForState(frame, "ready");
    expect(await bodyData(frame)).toEqual({ autoplay: "waiting", audio: "suspended" });
    await page.waitForTimeout(400);
    expect(await stateOf(frame)).toBe("ready");
    await clickToStart(frame);
    await waitForAudio(frame, "running");
  });

  test("opened on its own, a game shows its gate and makes no sound before a gesture", async ({ page }) => {
    const errors: Error[] = [];
    page.on("pageerror", (error) => errors.push(error));
    await page.goto(gameUrl("brick-blitz"));
    await waitForState(page.mainFrame(), "ready");
    expect(await bodyData(page.mainFrame())).toEqual({ autoplay: "standalone", audio: "none" });
    await page.waitForTimeout(400);
    expect(await stateOf(page.mainFrame())).toBe("ready");
    await expect(page.getByText(/^Hi /)).toBeHidden();
    await clickToStart(page.mainFrame());
    await waitForAudio(page.mainFrame(), "running");
    expect(errors).toEqual([]);
  });
});

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
