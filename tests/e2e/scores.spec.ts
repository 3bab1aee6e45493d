import { expect, test } from "./support/test";
import { encodeActingUser } from "@/lib/api/authenticate-bearer";
import { AdminPage } from "./pages/admin-page";
import { HomePage } from "./pages/home-page";
import { PlayPage } from "./pages/play-page";
import { ScoresPanel } from "./pages/scores-panel";
import { openSignedIn } from "./pages/sign-in-page";
import { ensureReady, ensureStopped, getGame, stackEnv } from "./support/portal-stack";
import { clearScores, gameFrame, postFromGame, scoresOf } from "./support/scores";

// The demo users of sim/discord/demo-config.json.
const DEMO_PLAYER_ID = "412345678901234567";

test.describe("scores and status from the game frame", () => {
  test.afterEach(async () => {
    await Promise.all(["snake", "star-dodge", "brick-blitz"].map(ensureStopped));
  });

  test("a score posted by the game frame reaches another browser's board and the cards without a reload", async ({ browser }) => {
    await ensureReady("snake");
    await clearScores("snake");
    const player = await openSignedIn(browser, "Demo player");
    const friend = await openSignedIn(browser, "Demo admin");
    // A deep link gives the game no Play press, so it waits quietly behind its own start gate.
    await Promise.all([player.page, friend.page].map((page) => page.goto(`${stackEnv().portalUrl}/play/snake`)));
    await Promise.all([player.page, friend.page].map((page) => new PlayPage(page).expectGameState("ready")));
    await new PlayPage(player.page).expectGreeted("Demo Player");
    const friendPanel = new ScoresPanel(friend.page);
    await expect(friendPanel.panel()).toContainText("No scores yet");
    const cards = new HomePage(await friend.context.newPage());
    await cards.goto();
    let reloads = 0;
    friend.page.on("framenavigated", (frame) => frame === friend.page.mainFrame() && reloads++);

    await postFromGame(gameFrame(player.page, "snake"), { cartofia: 1, type: "score", score: 1520 });

    await expect(friendPanel.board("Top 10 of Snake")).toHaveCount(1);
    await expect(friendPanel.board("Top 10 of Snake").first()).toContainText("Demo Player");
    await expect(friendPanel.board("Top 10 of Snake").first().getByText("1,520", { exact: true })).toBeVisible();
    await expect(cards.card("Snake").getByTestId("game-record")).toHaveText("🏆 Best: Demo Player · 1,520");
    const own = new ScoresPanel(player.page);
    await expect(own.toast()).toHaveText("🏆 New Snake record: 1,520!");
    await expect(own.board("Top 10 of Snake").first()).toHaveAttribute("aria-current", "true");
    await expect(own.board("Top 10 of Snake").first()).toContainText("(you)");
    expect(reloads).toBe(0);

    // Credited to the signed-in player: the token (an admin) sees their Discord id, a member never does.
    const [board] = await scoresOf("snake");
    expect(board!.top).toEqual([expect.objectContaining({ score: 1520, player: expect.objectContaining({ name: "Demo Player", discordId: DEMO_PLAYER_ID }) })]);
    // The only plain member of the sim's guild is the player: even their own Discord id stays out of a member's view.
    const member = { id: DEMO_PLAYER_ID, name: "Demo Player", roles: [], isGuildOwner: false };
    const asMember = await fetch(`${stackEnv().portalUrl}/api/v1/games/snake/scores`, {
      headers: { authorization: `Bearer ${stackEnv().apiToken}`, "x-arcade-acting-user": encodeActingUser(member) },
    });
    const seen = JSON.stringify(await asMember.json());
    expect(seen).toContain("Demo Player");
    expect(seen).not.toContain(DEMO_PLAYER_ID);

    // A lower run a moment later is no personal best: no toast, and the board keeps the best run.
    await expect(own.toast()).toBeHidden({ timeout: 8_000 });
    await postFromGame(gameFrame(player.page, "snake"), { cartofia: 1, type: "score", score: 40 });
    await expect.poll(async () => (await scoresOf("snake"))[0]!.top.map((e) => e.score), { timeout: 15_000 }).toEqual([1520]);
    await expect(own.toast()).toBeHidden();
    await Promise.all([player.context.close(), friend.context.close()]);
  });

  test("the game's status shows next to the player, as plain text, on the game page and the cards, and goes when they leave", async ({ browser }) => {
    await ensureReady("star-dodge");
    const player = await openSignedIn(browser, "Demo player");
    const friend = await openSignedIn(browser, "Demo admin");
    await player.page.goto(`${stackEnv().portalUrl}/play/star-dodge`);
    await new PlayPage(player.page).expectGameState("ready");
    await new PlayPage(player.page).expectGreeted("Demo Player");
    const cards = new HomePage(friend.page);
    await cards.waitUntilLive();
    const watching = await friend.context.newPage();
    await watching.goto(`${stackEnv().portalUrl}/play/star-dodge`);

    await postFromGame(gameFrame(player.page, "star-dodge"), { cartofia: 1, type: "status", text: "<b>Level</b>\n3" });

    await expect(cards.card("Star Dodge")).toContainText("Playing: Demo Admin, Demo Player — <b>Level</b> 3");
    await expect(cards.card("Star Dodge").locator("b")).toHaveCount(0);
    await expect(new ScoresPanel(watching).playingNow().filter({ hasText: "Demo Player" })).toContainText("Demo Player — <b>Level</b> 3");

    await player.page.close();
    await expect(cards.card("Star Dodge")).not.toContainText("Demo Player");
    await expect(new ScoresPanel(watching).playingNow().filter({ hasText: "Demo Player" })).toHaveCount(0);
    await Promise.all([player.context.close(), friend.context.close()]);
  });

  test("a run the game posts while the portal's page is still starting is credited once it has started", async ({ browser }) => {
    await ensureReady("star-dodge");
    await clearScores("star-dodge");
    const { context, page } = await openSignedIn(browser, "Demo player");
    try {
      // The portal's scripts wait until the game has spoken: a slow phone, or a slow network, in the extreme.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/_next\/static\/chunks\/[^?]*\.js(\?|$)/, async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(`${stackEnv().portalUrl}/play/star-dodge`, { waitUntil: "commit" });
      const play = new PlayPage(page);
      // The game itself runs (at its gate, or playing where the browser lets it start with sound).
      await expect(play.frame().locator("body")).toHaveAttribute("data-state", /^(ready|playing)$/);
      const game = gameFrame(page, "star-dodge");
      await postFromGame(game, { cartofia: 1, type: "score", score: 987_654 });
      // The portal was not listening yet: it has not greeted the player.
      expect(await game.evaluate(() => (window as unknown as { CartofiaArcade: { player(): unknown } }).CartofiaArcade.player())).toBeNull();

      release();
      await play.expectGreeted("Demo Player");
      await expect(new ScoresPanel(page).toast()).toHaveText("🏆 New Star Dodge record: 987,654!");
      expect((await scoresOf("star-dodge"))[0]!.top.map((e) => [e.player.name, e.score])).toEqual([["Demo Player", 987_654]]);
    } finally {
      await context.close();
    }
  });

  test("a message from the portal page itself, from another frame, or from the frame at another origin is ignored", async ({ browser }) => {
    await ensureReady("brick-blitz");
    await clearScores("brick-blitz");
    const gameOrigin = new URL(stackEnv().gameUrls["brick-blitz"]!).origin;
    // Another game's origin: the portal's CSP lets the frame go there (frame-src names every catalogue game), so
    // this is the other origin a real frame could end up at. Its page is served by the test, not the game's CT.
    const elsewhereUrl = `${new URL(stackEnv().gameUrls["snake"]!).origin}/takeover`;
    const takeoverPage = `<!doctype html><title>Elsewhere</title><script>
          window.got = [];
          addEventListener("message", (e) => window.got.push(e.data));
          parent.postMessage({ cartofia: 1, type: "score", score: 779 }, "*");
          parent.postMessage({ cartofia: 1, type: "status", text: "Hijacked" }, "*");
          parent.postMessage({ cartofia: 1, type: "ready" }, "*");
        </script>`;
    const { context, page } = await openSignedIn(browser, "Demo player");
    await context.route(elsewhereUrl, (route) => route.fulfill({ contentType: "text/html", body: takeoverPage }));
    try {
      const ignored: string[] = [];
      page.on("console", (m) => m.type() === "debug" && m.text().startsWith("[arcade] ignored") && ignored.push(m.text()));
      await page.goto(`${stackEnv().portalUrl}/play/brick-blitz`);
      await new PlayPage(page).expectGameState("ready");
      await new PlayPage(page).expectGreeted("Demo Player");
      // The real game's run counts, so the listener is there and what follows is refused, not unheard.
      await postFromGame(gameFrame(page, "brick-blitz"), { cartofia: 1, type: "score", score: 5 });
      await expect.poll(async () => (await scoresOf("brick-blitz"))[0]?.top.map((e) => e.score)).toEqual([5]);

      await page.evaluate(() => window.postMessage({ cartofia: 1, type: "score", score: 777 }, "*"));
      await page.evaluate((url) => {
        const other = Object.assign(document.createElement("iframe"), { src: url, title: "Another frame" });
        document.body.append(other);
      }, `${stackEnv().gameUrls["brick-blitz"]}?other`);
      await expect.poll(() => page.frames().filter((f) => f.url().startsWith(gameOrigin)).length).toBe(2);
      const intruder = page.frames().find((f) => f.url().endsWith("?other"))!;
      await intruder.waitForLoadState();
      await postFromGame(intruder, { cartofia: 1, type: "score", score: 778 });
      await gameFrame(page, "brick-blitz").evaluate((url) => window.location.assign(url), elsewhereUrl);

      const portalOrigin = new URL(stackEnv().portalUrl).origin;
      const elsewhereOrigin = new URL(elsewhereUrl).origin;
      await expect.poll(() => ignored.filter((line) => line.endsWith(`(source) from ${portalOrigin}`)).length).toBe(1);
      await expect.poll(() => ignored.filter((line) => line.endsWith(`(source) from ${gameOrigin}`)).length).toBeGreaterThanOrEqual(1);
      await expect.poll(() => ignored.filter((line) => line.endsWith(`(origin) from ${elsewhereOrigin}`)).length).toBe(3);

      // The decisions above are made as each message arrives; nothing of theirs reached the portal.
      expect((await scoresOf("brick-blitz"))[0]!.top.map((e) => e.score)).toEqual([5]);
      expect((await getGame("brick-blitz")) as unknown as { players: Array<{ status: string | null }> }).toMatchObject({ players: [{ status: null }] });
      // And the player's name was never handed to the other origin: the hello names the game's origin as target.
      const takeover = page.frames().find((f) => f.url() === elsewhereUrl)!;
      await page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe[title$=" game"]')?.dispatchEvent(new Event("load")));
      expect(await takeover.evaluate(() => (window as unknown as { got: unknown[] }).got)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("pressing Play records the time until the game says ready, and the admin page shows it beside the boot time", async ({ browser }) => {
    await ensureStopped("snake");
    const player = await openSignedIn(browser, "Demo player");
    const recorded = player.page.waitForResponse((r) => r.url().endsWith("/api/v1/games/snake/playable") && r.request().method() === "POST");
    await new HomePage(player.page).play("Snake");
    await new PlayPage(player.page).expectGameStarted();
    expect((await recorded).status()).toBe(204);

    const admin = await openSignedIn(browser, "Demo admin");
    const page = new AdminPage(admin.page);
    await page.goto();
    const times = page.row("Snake").getByRole("definition");
    await expect(page.row("Snake").getByText("Play → ready, cold")).toBeVisible();
    await expect(times.filter({ hasText: /plays?\)$/ }).first()).toHaveText(/^\d+(\.\d)? s \(\d+ plays?\)$/);
    await expect(page.row("Snake").getByText("Boot (median)")).toBeVisible();
    await Promise.all([player.context.close(), admin.context.close()]);
  });
});
