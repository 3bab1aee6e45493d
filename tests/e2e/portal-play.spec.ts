import { expect, test } from "./support/test";
import { getGameOrThrow, loadCatalogue } from "@/lib/games";
import { HomePage } from "./pages/home-page";
import { PlayPage } from "./pages/play-page";
import { openSignedIn } from "./pages/sign-in-page";
import { callPortal, controlProxmox, ensureReady, ensureStopped, getGame, stackEnv } from "./support/portal-stack";

const catalogue = loadCatalogue("games-demo");
const snake = getGameOrThrow(catalogue, "snake");
const starDodge = getGameOrThrow(catalogue, "star-dodge");
const brickBlitz = getGameOrThrow(catalogue, "brick-blitz");

test.describe("pressing Play", () => {
  test.afterEach(async () => {
    await Promise.all([snake, starDodge, brickBlitz].map((g) => ensureStopped(g.id)));
  });

  test("a member plays a stopped game: named stages, then the game in a focused frame; another browser follows live", async ({ browser }) => {
    await ensureStopped(snake.id);
    const friend = await openSignedIn(browser, "Demo player");
    const other = await openSignedIn(browser, "Demo admin");
    const friendHome = new HomePage(friend.page);
    const otherHome = new HomePage(other.page);
    await Promise.all([friendHome.waitUntilLive(), otherHome.waitUntilLive()]);
    await expect(friend.page.getByText("Everyone plays their own game; the first one in wakes the server.")).toBeVisible();
    await otherHome.expectState(snake.name, "stopped", "Stopped");
    let reloads = 0;
    other.page.on("framenavigated", (frame) => frame === other.page.mainFrame() && reloads++);

    await friendHome.play(snake.name);
    await expect(friend.page).toHaveURL(/\/play\/snake$/);
    const play = new PlayPage(friend.page);
    await expect(play.stages()).toBeVisible();
    for (const label of ["Start requested", "Container starting", "Container running", "Waiting for the game", "Ready"]) {
      await expect(play.stages().getByText(label, { exact: true })).toBeVisible();
    }
    await expect(play.currentStage()).toHaveAttribute("data-stage", /container_starting|container_running|waiting_for_game/);
    await expect(friend.page.getByTestId("boot-elapsed")).toHaveText(/^\d+\.\d s$/);
    await otherHome.expectState(snake.name, "starting", "Starting");
    // Everyone plays their own Snake: a game on its way up is played, not joined.
    await expect(otherHome.playLink(snake.name, "Play")).toBeVisible();

    // One press to play: the Play press is passed on to the frame, so the game starts with sound, no second click.
    await play.expectGameStarted();
    const frame = play.frameElement();
    await expect(frame).toHaveAttribute("allow", "autoplay; fullscreen; gamepad");
    await expect(frame).not.toHaveAttribute("sandbox", /.*/);
    await expect(frame).toHaveAttribute("src", stackEnv().gameUrls[snake.id]!);
    expect(await friend.page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
    await expect(friend.page.getByRole("button", { name: "Fullscreen" })).toBeVisible();
    await otherHome.expectState(snake.name, "ready", "Ready");
    await expect(otherHome.playLink(snake.name, "Play now")).toBeVisible();
    // The game reports what the player is doing (Snake: "Length 3", …) once it runs.
    await expect(otherHome.card(snake.name)).toContainText(/Demo Player is playing|Playing: Demo Player — /);
    expect(reloads).toBe(0);

    // Arrow keys and Space steer the game, not the portal page.
    for (const key of ["ArrowDown", "Space", "PageDown"]) await friend.page.keyboard.press(key);
    expect(await friend.page.evaluate(() => window.scrollY)).toBe(0);

    // Play on a ready game opens it at once: no stages in between.
    await otherHome.play(snake.name);
    await expect(new PlayPage(other.page).frameElement()).toBeVisible({ timeout: 3_000 });
    await expect(new PlayPage(other.page).stages()).toHaveCount(0);
    await new PlayPage(other.page).expectGameStarted();

    await friend.page.getByRole("link", { name: "Arcade", exact: true }).click();
    await expect(friend.page).toHaveURL(`${stackEnv().portalUrl}/`);
    await Promise.all([friend.context.close(), other.context.close()]);
  });

  test("keys pressed while the portal has focus never scroll the page and hand focus back to the game", async ({ browser }) => {
    await ensureReady(snake.id);
    const { context, page } = await openSignedIn(browser, "Demo player");
    try {
      await page.goto(`${stackEnv().portalUrl}/play/${snake.id}`);
      const play = new PlayPage(page);
      await play.expectGameState("ready");
      const scroll = () => page.evaluate(() => ({ y: window.scrollY, overflow: document.documentElement.scrollHeight - window.innerHeight }));
      // At a desktop size the game fills the height under the header and the page has nothing to scroll.
      expect((await scroll()).overflow).toBeLessThanOrEqual(0);
      const box = (await play.frameElement().boundingBox())!;
      expect(box.height).toBeGreaterThan(550);
      expect(box.y + box.height).toBeLessThanOrEqual(800);

      // A phone held sideways with Controls open: now the page is taller than the window, so a key could scroll it.
      await page.setViewportSize({ width: 740, height: 360 });
      await play.controlsSummary().click();
      expect((await scroll()).overflow).toBeGreaterThan(40);
      await page.mouse.move(8, 200);
      await page.mouse.wheel(0, 600);
      await expect(play.controlsList().getByRole("listitem").last()).toBeInViewport();

      const focusWithoutScrolling = (target: "back" | "summary" | "body") =>
        page.evaluate((which) => {
          const elements = { back: document.querySelector<HTMLElement>("#main a[href='/']"), summary: document.querySelector<HTMLElement>("summary") };
          if (which === "body") (document.activeElement as HTMLElement | null)?.blur();
          else elements[which]!.focus({ preventScroll: true });
          window.scrollTo(0, 0);
        }, target);
      const cases: Array<[target: "back" | "summary" | "body", key: string]> = [
        ["back", "ArrowDown"],
        ["back", "Space"],
        ["summary", "PageDown"],
        ["summary", "End"],
        ["body", "Space"],
        ["body", "ArrowDown"],
      ];
      for (const [target, key] of cases) {
        await focusWithoutScrolling(target);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe({ back: "A", summary: "SUMMARY", body: "BODY" }[target]);
        await page.keyboard.press(key);
        // Keyboard scrolling is animated; give it the time it would take before reading the position.
        await page.waitForTimeout(400);
        expect((await scroll()).y, `${key} with focus on ${target}`).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.tagName), `${key} with focus on ${target}`).toBe("IFRAME");
      }

      // Space and Enter still work the portal's own controls: Space on the summary closes Controls again.
      await focusWithoutScrolling("summary");
      await page.keyboard.press("Space");
      await expect(play.controlsList()).toBeHidden();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    } finally {
      await context.close();
    }
  });

  test("a play request sent from another site with a member's cookie is refused with a sentence", async ({ browser }) => {
    await ensureStopped(snake.id);
    const { context, page } = await openSignedIn(browser, "Demo player");
    try {
      const response = await page.request.post(`${stackEnv().portalUrl}/api/v1/games/${snake.id}/play`, { headers: { origin: "http://evil.example" } });
      expect(response.status()).toBe(403);
      expect((await response.json()).error.message).toBe("This request came from another site and was refused.");
      expect((await getGame(snake.id)).state).toBe("stopped");
    } finally {
      await context.close();
    }
  });

  test("several friends pressing Play together share one start and all land in the game", async ({ browser }) => {
    await ensureStopped(starDodge.id);
    const friends = await Promise.all([openSignedIn(browser, "Demo player"), openSignedIn(browser, "Demo player"), openSignedIn(browser, "Demo admin")]);
    const homes = friends.map((f) => new HomePage(f.page));
    await Promise.all(homes.map((home) => home.waitUntilLive()));
    const before = (await callPortal<{ events: Array<{ id: number }> }>("/api/v1/audit?limit=1")).body.events[0]?.id ?? 0;

    await Promise.all(homes.map((home) => home.play(starDodge.name)));
    // Three browsers rendering three animated games on two cores: give the frames more time than one would need.
    await Promise.all(friends.map((f) => new PlayPage(f.page).expectGameStarted(25_000)));

    const { body } = await callPortal<{ events: Array<{ id: number; type: string }> }>(`/api/v1/audit?game=${starDodge.id}&limit=50`);
    const starts = body.events.filter((e) => e.id > before && e.type === "game.starting");
    expect(starts).toHaveLength(1);
    await Promise.all(friends.map((f) => f.context.close()));
  });

  test("a failed start says why, and Retry brings the game up once the problem is gone", async ({ browser }) => {
    await ensureStopped(brickBlitz.id);
    await controlProxmox("faults", { fault: "startFails", vmid: brickBlitz.vmid, message: "CT is locked (backup)" });
    const { context, page } = await openSignedIn(browser, "Demo player");
    try {
      const home = new HomePage(page);
      await home.waitUntilLive();
      await home.play(brickBlitz.name);
      const play = new PlayPage(page);
      await expect(page.getByRole("heading", { name: `${brickBlitz.name} did not start` })).toBeVisible({ timeout: 15_000 });
      // A member hears it in words; Proxmox's own ("CT is locked (backup)") is for admins (game-visibility.ts).
      await expect(play.problemReason()).toHaveText("The game's server could not be started.");

      await controlProxmox("faults", { fault: "startFails", vmid: brickBlitz.vmid, message: null });
      await play.retryButton().click();
      await expect(play.stages()).toBeVisible();
      await play.expectGameStarted();
    } finally {
      await controlProxmox("faults", { fault: "startFails", vmid: brickBlitz.vmid, message: null });
      await context.close();
    }
  });
});
